import type { Core } from '@strapi/strapi';
import { ADMIN_VIEWS, hintText, type TypeView } from '../lib/admin-fields';

interface FieldMetadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}

interface ViewConfiguration {
  uid?: string;
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] };
}

// Long text, pictures and lists get a row of their own; the rest sits two by two.
const FULL_WIDTH = new Set(['richtext', 'text', 'blocks', 'json', 'media', 'relation']);

/** The edit view's rows: the fields in the given order, 12 columns a row. */
export function editRows(names: string[], attributes: Record<string, { type: string }>) {
  const rows: { name: string; size: number }[][] = [];
  let row: { name: string; size: number }[] = [];
  let width = 0;
  for (const name of names) {
    const size = FULL_WIDTH.has(attributes[name]?.type) ? 12 : 6;
    if (width + size > 12) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push({ name, size });
    width += size;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** The stored configuration with our labels, hints, order, columns and read-only fields. */
function configured(current: ViewConfiguration, view: TypeView, attributes: Record<string, { type: string }>): ViewConfiguration {
  const shown = current.layouts.edit.flat().map((field) => field.name);
  const order = [...Object.keys(view.fields).filter((name) => shown.includes(name)), ...shown.filter((name) => !(name in view.fields))];
  const metadatas = { ...current.metadatas };
  for (const [name, text] of Object.entries(view.fields)) {
    const metadata = metadatas[name];
    if (!metadata) continue;
    metadatas[name] = {
      ...metadata,
      edit: { ...metadata.edit, label: text.en, description: hintText(text.hint), editable: !text.readOnly },
      list: { ...metadata.list, label: text.en },
    };
  }
  return { ...current, metadatas, layouts: { ...current.layouts, list: view.list, edit: editRows(order, attributes) } };
}

/**
 * Writes how staff see every content type (src/lib/admin-fields.ts) into the
 * content manager's stored view configuration, which it creates in its own
 * bootstrap before ours. The code is the source of truth: a view changed by
 * hand in "Configure the view" is set back at the next start. Writes only
 * what differs, so a second start writes nothing. Returns the changed types.
 */
export async function configureAdminViews(strapi: Core.Strapi): Promise<string[]> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const changed: string[] = [];
  for (const [uid, view] of Object.entries(ADMIN_VIEWS)) {
    const contentType = contentTypes.findContentType(uid);
    if (!contentType) throw new Error(`[buurtplein] the content manager does not know ${uid}`);
    const { uid: _uid, ...current } = (await contentTypes.findConfiguration(contentType)) as ViewConfiguration;
    const next = configured(current, view, contentType.attributes);
    if (JSON.stringify(next) === JSON.stringify(current)) continue;
    await contentTypes.updateConfiguration(contentType, next);
    changed.push(uid);
  }
  return changed;
}
