import type { Importer } from '@buurtplein/plugin-kit';

export interface BulkImportConfig {
  /** Does the import and returns its report; the app owns its data model, so it hands this in. */
  importer: Importer;
  /** Which types staff may choose on the page. */
  types: string[];
  /** Larger uploads are refused before they are read. */
  maxFileBytes: number;
}

export default {
  default: { types: [], maxFileBytes: 20 * 1024 * 1024 },
  validator(config: BulkImportConfig) {
    const fail = (message: string) => {
      throw new Error(`[bulk-import] config: ${message}`);
    };
    if (typeof config.importer !== 'function') fail('importer must be a function');
    if (!Array.isArray(config.types) || !config.types.length) fail('types must list at least one type');
    if (!Number.isInteger(config.maxFileBytes) || config.maxFileBytes < 1) fail('maxFileBytes must be a whole number ≥ 1');
  },
};
