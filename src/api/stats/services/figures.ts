import type { Core } from '@strapi/strapi';
import { publicRule } from '@buurtplein/plugin-kit';
import { fromFloating } from '../../../discovery/local-time';
import { addDays, periodStart, quarterOf, townDay, type Day, type Interval } from '../../../stats/days';
import { stringify } from 'csv-stringify/sync';
import { protectCell } from '../../../export/spreadsheet-cell';
import { ITEM_UID } from '../../../stats/items';
import { dailyRows, searchFigures, searchTotals, siteSeries, subjectDays, topSubjects, viewsOf } from '../../../stats/figures';

/** The items a view can be of, by the name the stats routes use, with the field that names them. */
export const ITEM_TYPES = {
  activity: { uid: ITEM_UID.activity, title: 'title' },
  organisation: { uid: ITEM_UID.organisation, title: 'name' },
  initiative: { uid: ITEM_UID.initiative, title: 'title' },
} as const;
export type ItemType = keyof typeof ITEM_TYPES;

/** Who took part: supported or reacted to an initiative, enrolled for an activity, answered a question. */
const PARTICIPATION = ['plugin::idea-support.support', 'plugin::idea-support.comment', 'api::enrolment.enrolment', 'api::answer.answer'];

export interface Range {
  from: Day;
  to: Day;
}

/** The instants a range of town days spans: from midnight on `from` to midnight after `to`. */
const instants = ({ from, to }: Range) => ({
  $gte: fromFloating(new Date(`${from}T00:00:00Z`)),
  $lt: fromFloating(new Date(`${addDays(to, 1)}T00:00:00Z`)),
});

const TOP_ITEMS = 10;

/** The period (of town days) an instant falls in. */
const periodAt = (at: unknown, interval: Interval): Day => periodStart(townDay(new Date(at as string)), interval);

/** Reading the figures (src/stats/figures.ts) with what staff need around them: titles, participation, new listings. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const query = (uid: string) => strapi.db.query(uid as any);

  /** The titles of the items among `subjects` (in the default locale when there, else any), by `kind:documentId`. */
  async function titlesOf(subjects: { kind: string; item: string }[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const [type, { uid, title }] of Object.entries(ITEM_TYPES)) {
      const documentIds = [...new Set(subjects.filter((s) => s.kind === type).map((s) => s.item))];
      if (!documentIds.length) continue;
      const rows = await query(uid).findMany({ select: ['documentId', title, 'locale'], where: { documentId: { $in: documentIds } }, orderBy: { id: 'asc' } });
      for (const row of rows as any[]) {
        const key = `${type}:${row.documentId}`;
        if (!found.has(key) || row.locale === 'nl') found.set(key, row[title]);
      }
    }
    return found;
  }

  /**
   * Distinct accounts that took part in the range, against the confirmed
   * accounts there were by its end; and how many took part in each period.
   */
  async function participation(range: Range, interval: Interval) {
    const when = instants(range);
    const active = new Set<number>();
    const perPeriod = new Map<Day, Set<number>>();
    for (const uid of PARTICIPATION) {
      const rows = await query(uid).findMany({ select: ['userId', 'createdAt'], where: { createdAt: when, userId: { $notNull: true } } });
      for (const row of rows as { userId: number; createdAt: unknown }[]) {
        const start = periodAt(row.createdAt, interval);
        perPeriod.set(start, (perPeriod.get(start) ?? new Set()).add(Number(row.userId)));
        active.add(Number(row.userId));
      }
    }
    const accounts = await query('plugin::users-permissions.user').count({
      where: { confirmed: true, $or: [{ blocked: false }, { blocked: { $null: true } }], createdAt: { $lt: when.$lt } },
    });
    return {
      total: { activeAccounts: active.size, accounts, share: accounts ? Math.round((active.size / accounts) * 1000) / 1000 : 0 },
      perPeriod: new Map([...perPeriod].map(([start, ids]) => [start, ids.size])),
    };
  }

  /** How many documents were first made (any locale, draft or published) in the range, in all and per period. */
  async function newDocuments(uid: string, range: Range, interval: Interval) {
    const when = instants(range);
    const made = (await query(uid).findMany({ select: ['documentId', 'createdAt'], where: { createdAt: when } })) as { documentId: string; createdAt: unknown }[];
    const ids = [...new Set(made.map((r) => r.documentId))];
    const older = ids.length ? await query(uid).findMany({ select: ['documentId'], where: { documentId: { $in: ids }, createdAt: { $lt: when.$gte } } }) : [];
    const existed = new Set((older as { documentId: string }[]).map((r) => r.documentId));
    // A document's first row says when it was made: later locales and its published row come after.
    const first = new Map<string, number>();
    for (const row of made) {
      const at = new Date(row.createdAt as string).getTime();
      const earliest = first.get(row.documentId);
      if (!existed.has(row.documentId) && (earliest === undefined || at < earliest)) first.set(row.documentId, at);
    }
    const perPeriod = new Map<Day, number>();
    for (const at of first.values()) {
      const start = periodAt(at, interval);
      perPeriod.set(start, (perPeriod.get(start) ?? 0) + 1);
    }
    return { total: first.size, perPeriod };
  }

  return {
    /** Whether a beacon may count this item: it exists and is public (published, not archived) in some locale. */
    async isPublic(type: ItemType, documentId: string): Promise<boolean> {
      const { uid } = ITEM_TYPES[type];
      return (await query(uid).count({ where: { documentId, ...publicRule(strapi, uid).where } })) > 0;
    },

    async exists(type: ItemType, documentId: string): Promise<boolean> {
      return (await query(ITEM_TYPES[type].uid).count({ where: { documentId } })) > 0;
    },

    item: (type: ItemType, documentId: string, range: Range) => subjectDays(knex(), type, documentId, range.from, range.to),

    /**
     * The range's figures; its series has, per day, week or month, the views
     * and visitors, the accounts that took part and the new listings.
     */
    async overview(range: Range, interval: Interval) {
      const site = await siteSeries(knex(), range.from, range.to, interval);
      const top = await topSubjects(knex(), Object.keys(ITEM_TYPES), range.from, range.to, TOP_ITEMS);
      const names = await titlesOf(top);
      const channels = await topSubjects(knex(), ['feed', 'embed'], range.from, range.to, TOP_ITEMS);
      const searches = await searchTotals(knex(), range.from, range.to);
      const taking = await participation(range, interval);
      const organisations = await newDocuments(ITEM_TYPES.organisation.uid, range, interval);
      const activities = await newDocuments(ITEM_TYPES.activity.uid, range, interval);
      return {
        ...range,
        interval,
        views: site.views,
        uniqueVisitors: site.uniqueVisitors,
        series: site.series.map((point) => ({
          ...point,
          activeAccounts: taking.perPeriod.get(point.start) ?? 0,
          newOrganisations: organisations.perPeriod.get(point.start) ?? 0,
          newActivities: activities.perPeriod.get(point.start) ?? 0,
        })),
        topItems: top.map((t) => ({ type: t.kind, documentId: t.item, title: names.get(`${t.kind}:${t.item}`) ?? null, views: t.views, uniqueVisitors: t.uniqueVisitors })),
        channels: channels.map((c) => ({ type: c.kind, name: c.item, views: c.views, uniqueVisitors: c.uniqueVisitors })),
        searches: searches.searches,
        zeroResultSearches: searches.zeroResultSearches,
        participation: taking.total,
        newOrganisations: organisations.total,
        newActivities: activities.total,
      };
    },

    /**
     * The range's daily figures as a spreadsheet: one line per day and thing
     * counted, with the item's title. Titles are written by editors and
     * residents: every text cell is safe from formula injection.
     */
    async dailyCsv(range: Range): Promise<string> {
      const rows = await dailyRows(knex(), range.from, range.to);
      const names = await titlesOf(rows);
      const lines = rows.map((r) => [r.day, r.kind, protectCell(r.item), protectCell(names.get(`${r.kind}:${r.item}`) ?? ''), r.views, r.uniqueVisitors]);
      return stringify([['date', 'type', 'id', 'title', 'views', 'uniqueVisitors'], ...lines]);
    },

    searches: (range: Range, limit: number) => searchFigures(knex(), range.from, range.to, limit).then((found) => ({ ...range, ...found })),

    /** "Your listing was viewed N times this quarter", for each organisation. */
    async organisationReach(documentIds: string[], today: Day = townDay()) {
      const quarter = quarterOf(today);
      const views = await viewsOf(knex(), 'organisation', documentIds, quarter.from, quarter.to);
      return new Map(documentIds.map((id) => [id, { quarter: quarter.name, from: quarter.from, to: quarter.to, views: views.get(id) ?? 0 }]));
    },
  };
};
