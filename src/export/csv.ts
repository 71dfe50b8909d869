import { stringify } from 'csv-stringify/sync';
import type { ExportType, PublicItem } from './public-data';
import { protectCell } from './spreadsheet-cell';

const slugs = (terms: { slug: string }[] | undefined) => (terms ?? []).map((t) => t.slug).join('|');
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : '');

const NUMERIC = new Set(['latitude', 'longitude', 'cost', 'capacity']);

/** Columns in the import's own format, so an export can be edited and imported again. */
const COLUMNS: Record<ExportType, [string, (item: PublicItem) => unknown][]> = {
  organisations: [
    ['documentId', (i) => i.documentId],
    ['externalId', (i) => i.externalId],
    ['slug', (i) => i.slug],
    ['name', (i) => i.name],
    ['description', (i) => i.description],
    ['description_en', (i) => i.en?.description],
    ['categories', (i) => slugs(i.categories)],
    ['neighbourhoods', (i) => slugs(i.neighbourhoods)],
    ['address', (i) => i.address],
    ['postalCode', (i) => i.postalCode],
    ['city', (i) => i.city],
    ['latitude', (i) => i.latitude],
    ['longitude', (i) => i.longitude],
    ['phone', (i) => i.phone],
    ['email', (i) => i.email],
    ['website', (i) => i.website],
    ['updatedAt', (i) => iso(i.updatedAt)],
  ],
  activities: [
    ['documentId', (i) => i.documentId],
    ['externalId', (i) => i.externalId],
    ['slug', (i) => i.slug],
    ['title', (i) => i.title],
    ['title_en', (i) => i.en?.title],
    ['description', (i) => i.description],
    ['description_en', (i) => i.en?.description],
    ['organisation', (i) => i.organisation?.externalId],
    ['organisationName', (i) => i.organisation?.name],
    ['categories', (i) => slugs(i.categories)],
    ['neighbourhood', (i) => i.neighbourhood?.slug],
    ['address', (i) => i.address],
    ['postalCode', (i) => i.postalCode],
    ['city', (i) => i.city],
    ['latitude', (i) => i.latitude],
    ['longitude', (i) => i.longitude],
    ['startsAt', (i) => iso(i.startsAt)],
    ['endsAt', (i) => iso(i.endsAt)],
    ['recurrence', (i) => i.recurrence],
    ['cost', (i) => (i.cost === null || i.cost === undefined ? '' : Number(i.cost))],
    ['costNote', (i) => i.costNote],
    ['costNote_en', (i) => i.en?.costNote],
    ['targetGroups', (i) => (Array.isArray(i.targetGroups) ? i.targetGroups.join('|') : '')],
    ['capacity', (i) => i.capacity],
    ['enrolmentUrl', (i) => i.enrolmentUrl],
    ['updatedAt', (i) => iso(i.updatedAt)],
  ],
};

/** Numbers stay numbers (-4.9 is a longitude, not a formula); every text cell is made safe for spreadsheets. */
const cell = (value: unknown) => (typeof value === 'string' ? protectCell(value) : (value ?? ''));

export function toCsv(type: ExportType, items: PublicItem[]): string {
  const columns = COLUMNS[type];
  const rows = items.map((item) => columns.map(([name, read]) => (NUMERIC.has(name) ? (read(item) ?? '') : cell(read(item)))));
  return stringify(rows, { header: true, columns: columns.map(([name]) => name) });
}
