import type { Core } from '@strapi/strapi';

const INITIATIVE_UID = 'api::initiative.initiative';

/** Columns staff need in the initiatives list: sorting by support is how they find what to act on. */
export const INITIATIVE_LIST_COLUMNS: { name: string; label: string }[] = [
  { name: 'stage', label: 'stage' },
  { name: 'supportCount', label: 'Supports' },
];

interface ListMetadata {
  label?: string;
  searchable?: boolean;
  sortable?: boolean;
}

interface ModelConfiguration {
  uid?: string;
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit?: Record<string, unknown>; list?: ListMetadata }>;
  layouts: { list: string[]; edit: unknown[] };
}

/**
 * Puts stage and supportCount in the content-manager's list view of
 * initiatives, sortable. The content-manager creates the stored
 * configuration in its own bootstrap (before the app's), with only the first
 * four attributes as columns. Only adds what is missing, so a second run
 * writes nothing; a label staff changed by hand is kept.
 */
export async function showSupportCountColumn(strapi: Core.Strapi) {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = contentTypes.findContentType(INITIATIVE_UID);
  if (!contentType) throw new Error(`[buurtplein] the content manager does not know ${INITIATIVE_UID}`);
  const { uid: _uid, ...configuration } = (await contentTypes.findConfiguration(contentType)) as ModelConfiguration;

  const list = [...configuration.layouts.list];
  const metadatas = { ...configuration.metadatas };
  let changed = false;
  for (const column of INITIATIVE_LIST_COLUMNS) {
    if (!list.includes(column.name)) {
      list.push(column.name);
      changed = true;
    }
    const current = metadatas[column.name] ?? {};
    const label = current.list?.label && current.list.label !== column.name ? current.list.label : column.label;
    if (current.list?.sortable !== true || current.list?.label !== label) {
      metadatas[column.name] = { ...current, list: { searchable: true, ...current.list, label, sortable: true } };
      changed = true;
    }
  }
  if (!changed) return false;
  await contentTypes.updateConfiguration(contentType, { ...configuration, metadatas, layouts: { ...configuration.layouts, list } });
  return true;
}
