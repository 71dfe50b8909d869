import type { Importer } from '@buurtplein/plugin-kit';
import { runImport } from '../import';
import type { ImportType } from '../import/types';

/** The bulk-import plugin's admin upload, handed to it in config/plugins.ts. */
export const importUpload: Importer = ({ strapi, content, filename, type, dryRun, allOrNothing }) =>
  runImport(strapi, content, { filename, type: type as ImportType | undefined, dryRun, allOrNothing, log: (line) => strapi.log.info(line) });
