import type { Knex } from 'knex';
import { eachDay, periodStart, type Day, type Interval } from './days';
import { DAILY, SEARCHES } from './store';

/** One day's or period's count, as the API answers it. */
export interface Point {
  views: number;
  uniqueVisitors: number;
}

const num = (value: unknown) => Number(value ?? 0);

/**
 * Daily figures of one subject from `from` to `to` (every day, zeros where
 * nothing was counted). Unique visitors over several days are the sum of each
 * day's: the daily salt makes one visitor on two days two visitors, by design.
 */
export async function subjectDays(knex: Knex, kind: string, item: string, from: Day, to: Day) {
  const rows = await knex(DAILY).select('day', 'views', 'visitors').where({ kind, item }).whereBetween('day', [from, to]);
  const byDay = new Map(rows.map((r: any) => [r.day, { views: num(r.views), uniqueVisitors: num(r.visitors) }]));
  const days = eachDay(from, to).map((date) => ({ date, ...(byDay.get(date) ?? { views: 0, uniqueVisitors: 0 }) }));
  return { views: sum(days, 'views'), uniqueVisitors: sum(days, 'uniqueVisitors'), days };
}

const sum = <T extends Record<K, number>, K extends string>(rows: T[], key: K) => rows.reduce((total, row) => total + row[key], 0);

/** The site's figures per day, week (from Monday) or month. */
export async function siteSeries(knex: Knex, from: Day, to: Day, interval: Interval) {
  const { days } = await subjectDays(knex, 'site', '', from, to);
  const periods = new Map<Day, Point>();
  for (const day of days) {
    const start = periodStart(day.date, interval);
    const point = periods.get(start) ?? { views: 0, uniqueVisitors: 0 };
    point.views += day.views;
    point.uniqueVisitors += day.uniqueVisitors;
    periods.set(start, point);
  }
  return { views: sum(days, 'views'), uniqueVisitors: sum(days, 'uniqueVisitors'), series: [...periods].map(([start, point]) => ({ start, ...point })) };
}

/** The most viewed subjects of these kinds in the range. */
export async function topSubjects(knex: Knex, kinds: string[], from: Day, to: Day, limit: number) {
  const rows = await knex(DAILY)
    .select('kind', 'item')
    .sum({ views: 'views', visitors: 'visitors' })
    .whereIn('kind', kinds)
    .whereBetween('day', [from, to])
    .groupBy('kind', 'item')
    .orderBy([{ column: 'views', order: 'desc' }, { column: 'item' }])
    .limit(limit);
  return rows.map((r: any) => ({ kind: String(r.kind), item: String(r.item), views: num(r.views), uniqueVisitors: num(r.visitors) }));
}

/** Every daily row of the range, oldest first: what the CSV export lists. */
export async function dailyRows(knex: Knex, from: Day, to: Day) {
  const rows = await knex(DAILY).select().whereBetween('day', [from, to]).orderBy(['day', 'kind', 'item']);
  return rows.map((r: any) => ({ day: String(r.day), kind: String(r.kind), item: String(r.item), views: num(r.views), uniqueVisitors: num(r.visitors) }));
}

/** Views of several items of one kind in the range, e.g. an organisation's own listings this quarter. */
export async function viewsOf(knex: Knex, kind: string, items: string[], from: Day, to: Day): Promise<Map<string, number>> {
  if (!items.length) return new Map();
  const rows = await knex(DAILY).select('item').sum({ views: 'views' }).where({ kind }).whereIn('item', items).whereBetween('day', [from, to]).groupBy('item');
  return new Map(rows.map((r: any) => [String(r.item), num(r.views)]));
}

/** How many searches the range had, and how many of them found nothing. */
export async function searchTotals(knex: Knex, from: Day, to: Day) {
  const [totals] = await knex(SEARCHES).sum({ searches: 'searches', zero: 'zero_results' }).whereBetween('day', [from, to]);
  return { searches: num(totals?.searches), zeroResultSearches: num(totals?.zero) };
}

/** The totals, the most frequent searches, and the most frequent of those that found nothing. */
export async function searchFigures(knex: Knex, from: Day, to: Day, limit: number) {
  const grouped = () => knex(SEARCHES).select('query').whereBetween('day', [from, to]).groupBy('query');
  const [top, zero, totals] = await Promise.all([
    grouped().sum({ searches: 'searches' }).orderBy([{ column: 'searches', order: 'desc' }, { column: 'query' }]).limit(limit),
    grouped().sum({ searches: 'zero_results' }).having(knex.raw('sum(zero_results) > 0')).orderBy([{ column: 'searches', order: 'desc' }, { column: 'query' }]).limit(limit),
    searchTotals(knex, from, to),
  ]);
  const list = (rows: any[]) => rows.map((r) => ({ query: String(r.query), searches: num(r.searches) }));
  return { ...totals, top: list(top), zeroResults: list(zero) };
}

