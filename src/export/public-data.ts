import { publicRule } from '@buurtplein/plugin-kit';
import type { Core } from '@strapi/strapi';

export type ExportType = 'organisations' | 'activities';
export const EXPORT_TYPES: ExportType[] = ['organisations', 'activities'];

const UID = { organisations: 'api::organisation.organisation', activities: 'api::activity.activity' } as const;
const PAGE = 1000;

const PLACE = ['address', 'postalCode', 'city', 'latitude', 'longitude'];
const TERM = { select: ['slug', 'name'] };

/** Public fields only: a list of what may leave, so a new private field never leaks by default. */
const FIELDS = {
  organisations: ['documentId', 'externalId', 'slug', 'name', 'description', ...PLACE, 'phone', 'email', 'website', 'updatedAt'],
  activities: ['documentId', 'externalId', 'slug', 'title', 'description', ...PLACE, 'startsAt', 'endsAt', 'recurrence', 'cost', 'costNote', 'targetGroups', 'capacity', 'enrolmentUrl', 'updatedAt'],
};
const RELATIONS = {
  organisations: { categories: TERM, neighbourhoods: TERM },
  activities: { categories: TERM, neighbourhood: TERM, organisation: { select: ['documentId', 'externalId', 'name'] } },
};
const LOCALIZED = { organisations: ['description'], activities: ['title', 'description', 'costNote'] };

export type PublicItem = Record<string, any> & { documentId: string; en: Record<string, unknown> | null };

async function publishedRows(strapi: Core.Strapi, type: ExportType, locale: string, withRelations: boolean) {
  const rows: any[] = [];
  for (let after = 0; ; ) {
    const page = await strapi.db.query(UID[type]).findMany({
      // The same rule as every public read.
      where: { id: { $gt: after }, ...publicRule(strapi, UID[type]).where, locale },
      select: ['id', ...(withRelations ? FIELDS[type] : ['documentId', ...LOCALIZED[type]])],
      ...(withRelations ? { populate: RELATIONS[type] } : {}),
      orderBy: { id: 'asc' },
      limit: PAGE,
    });
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1].id;
  }
}

/** Every public item of a type in Dutch, with its English texts where there are any. */
export async function publicItems(strapi: Core.Strapi, type: ExportType): Promise<PublicItem[]> {
  const [nl, en] = [await publishedRows(strapi, type, 'nl', true), await publishedRows(strapi, type, 'en', false)];
  const english = new Map(en.map((row) => [row.documentId, row]));
  return nl.map(({ id: _id, ...row }) => {
    const translation = english.get(row.documentId);
    return { ...row, en: translation ? Object.fromEntries(LOCALIZED[type].map((f) => [f, translation[f] ?? null])) : null };
  });
}
