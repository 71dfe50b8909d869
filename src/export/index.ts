import type { Core } from '@strapi/strapi';
import { toCsv } from './csv';
import { toHsds } from './hsds';
import { publicItems, type ExportType } from './public-data';

export { EXPORT_TYPES, type ExportType } from './public-data';

export async function exportCsv(strapi: Core.Strapi, type: ExportType) {
  return toCsv(type, await publicItems(strapi, type));
}

export async function exportHsds(strapi: Core.Strapi) {
  return toHsds(await publicItems(strapi, 'organisations'), await publicItems(strapi, 'activities'));
}
