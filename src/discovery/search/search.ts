import { publicRule } from '@buurtplein/plugin-kit';
import type { Core } from '@strapi/strapi';
import { activitiesWithPlaces } from '../public-items';
import { errors } from '@strapi/utils';
import { memoPerGeneration } from '../../cache';
import { settings } from '../../lib/settings';
import { LANGUAGES } from '../../mail';
import type { SearchRequest, SearchType } from './query';
import { snippet, wordMatcher } from './snippet';
import { SEARCH_SOURCES } from './sources';
import { ENTRIES, rowsOf, TAGS, type QueryTerm, type SearchStore, type Statement, type WordLookup } from './store';
import { LOOSE_ENDING, editDistance, typoBudget } from './words';

type Kind = 'category' | 'neighbourhood';
interface Named {
  slug: string;
  name: string;
}
export interface SearchHit {
  type: SearchType;
  documentId: string;
  slug: string;
  title: string;
  snippet: string;
  score: number;
  locale: string;
  lat: number | null;
  lng: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  stage?: string | null;
  /** Of an article: article or guide. */
  kind?: string | null;
  categories: Named[];
  neighbourhood?: Named | null;
}
export interface SearchResponse {
  data: SearchHit[];
  meta: {
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
    facets: { category: (Named & { count: number })[]; neighbourhood: (Named & { count: number })[] };
  };
}

const MAX_ALTERNATIVES = 3;
const KM_PER_DEGREE = 111.32;

/**
 * The nearest part of an indexed term: the whole term, or its start, so a typo
 * in what is meant as a prefix still finds ("sportt" → "sport" in "sportvereniging").
 * A typo in an ending stops the stemmer from removing it, so the typed stem
 * may also be the term plus a few letters, at the cost of one typo
 * ("tuinierenn" → "tuinier"). Of equally near parts the shortest wins: it finds the most.
 */
function nearest(stem: string, term: string, budget: number): { distance: number; part: string } | null {
  let best: { distance: number; part: string } | null = null;
  const consider = (typed: string, part: string, penalty = 0) => {
    const distance = editDistance(typed, part, budget) + penalty;
    if (distance <= budget && (!best || distance < best.distance || (distance === best.distance && part.length < best.part.length))) best = { distance, part };
  };
  consider(stem, term);
  for (let length = Math.max(3, stem.length - budget); length < term.length && length <= stem.length + budget; length++) consider(stem, term.slice(0, length));
  for (let cut = Math.max(4, stem.length - LOOSE_ENDING); cut < stem.length; cut++) consider(stem.slice(0, cut), term, 1);
  return best;
}

/** What an unknown word probably meant: the nearest indexed terms (or their starts) within its typo budget. */
export function corrections(lookup: WordLookup): string[] {
  if (lookup.known || !lookup.stem) return [];
  const budget = typoBudget(lookup.word);
  if (!budget) return [];
  const near = lookup.candidates.map((term) => nearest(lookup.stem!, term, budget)).filter((n): n is { distance: number; part: string } => n !== null);
  const best = Math.min(...near.map((n) => n.distance));
  return [...new Set(near.filter((n) => n.distance === best).map((n) => n.part))].slice(0, MAX_ALTERNATIVES);
}

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(Number(value)).toISOString());

/**
 * Category and neighbourhood names per documentId and locale. Read once per cache generation: every
 * published change starts a new one, so a rename still shows at once.
 */
async function loadNames(strapi: Core.Strapi) {
  const table = (uid: string) => strapi.getModel(uid as any).collectionName;
  const rows = rowsOf(
    await strapi.db.connection.raw(
      `SELECT 'category' AS kind, document_id, slug, locale, name FROM "${table('api::category.category')}" WHERE published_at IS NOT NULL
       UNION ALL SELECT 'neighbourhood', document_id, slug, locale, name FROM "${table('api::neighbourhood.neighbourhood')}" WHERE published_at IS NOT NULL`
    )
  );
  const byId = new Map<string, { slug: string; names: Record<string, string> }>();
  for (const r of rows) {
    const key = `${r.kind}:${r.document_id}`;
    const entry = byId.get(key) ?? { slug: r.slug as string, names: {} as Record<string, string> };
    entry.names[r.locale] = r.name;
    byId.set(key, entry);
  }
  return {
    named(key: string, locale: string): Named | null {
      const entry = byId.get(key);
      return entry ? { slug: entry.slug, name: entry.names[locale] ?? entry.names.nl ?? Object.values(entry.names)[0] } : null;
    },
    documentIdOf(kind: Kind, slug: string): string {
      for (const [key, entry] of byId) if (key.startsWith(`${kind}:`) && entry.slug === slug) return key.slice(kind.length + 1);
      throw new errors.ValidationError(`${kind}: there is no ${kind} "${slug}"`, { param: kind });
    },
  };
}

const sourceTable = (strapi: Core.Strapi, type: SearchType) => strapi.getModel(SEARCH_SOURCES[type].uid as any).collectionName;
const isLocalized = (strapi: Core.Strapi, type: SearchType) => Boolean((strapi.getModel(SEARCH_SOURCES[type].uid as any) as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized);

/**
 * Public means published and not archived, checked against the content tables too, not only trusted from the index.
 * Each hit is checked against its own type's partial `*_public_doc_idx` index (src/bootstrap/indexes.ts), chosen by
 * CASE: PostgreSQL probes it per hit, or hashes that one type's public documents when it has few, whichever is cheaper.
 * A join against the public rows of all types (the earlier form) hashed every public document on each search:
 * 467 of a search's 599 ms at 200,000 activities (bench/README.md, Cost growth).
 */
function visibleClause(strapi: Core.Strapi, types: SearchType[]): string {
  const existsFor = (type: SearchType) => {
    // A type without locales (questions) is indexed once per language (sources.ts): its row stands for each.
    const locale = isLocalized(strapi, type) ? 's.locale = e.locale' : `e.locale IN (${LANGUAGES.map((l) => `'${l}'`).join(', ')})`;
    const publicRow = publicRule(strapi, SEARCH_SOURCES[type].uid).sql('s');
    return `WHEN '${type}' THEN EXISTS (SELECT 1 FROM "${sourceTable(strapi, type)}" s WHERE s.document_id = e.document_id AND ${locale} AND ${publicRow})`;
  };
  return `CASE e.type ${types.map(existsFor).join(' ')} ELSE 1 = 0 END`;
}

function filterClause(strapi: Core.Strapi, request: SearchRequest, tagIds: Partial<Record<Kind, string>>, withPlaces: string[] | null): Statement {
  const where = [`e.locale = ?`, `e.type IN (${request.types.map(() => '?').join(', ')})`, `(${visibleClause(strapi, request.types)})`];
  const bindings: unknown[] = [request.locale, ...request.types];
  if (request.audiences) {
    where.push(`e.audience IN (${request.audiences.map(() => '?').join(', ')})`);
    bindings.push(...request.audiences);
  }
  for (const kind of ['category', 'neighbourhood'] as const) {
    if (!tagIds[kind]) continue;
    where.push(`EXISTS (SELECT 1 FROM ${TAGS} t WHERE t.entry_id = e.id AND t.kind = ? AND t.document_id = ?)`);
    bindings.push(kind, tagIds[kind]);
  }
  if (request.near) {
    // A box the latitude/longitude indexes can use, then the distance on a flat projection: exact enough within 50 km.
    const { lat, lng, radiusKm } = request.near;
    const degrees = radiusKm / KM_PER_DEGREE;
    const squeeze = Math.cos((lat * Math.PI) / 180);
    where.push(
      `e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?`,
      `(e.latitude - ?) * (e.latitude - ?) + (e.longitude - ?) * (e.longitude - ?) * ? <= ?`
    );
    bindings.push(lat - degrees, lat + degrees, lng - degrees / squeeze, lng + degrees / squeeze, lat, lat, lng, lng, squeeze * squeeze, degrees * degrees);
  }
  if (request.from) {
    where.push(`e.starts_at IS NOT NULL AND (e.last_at IS NULL OR e.last_at >= ?)`);
    bindings.push(request.from.getTime());
  }
  if (request.to) {
    where.push(`e.starts_at <= ?`);
    bindings.push(request.to.getTime());
  }
  if (request.free !== undefined) {
    where.push(`e.free = ?`);
    bindings.push(request.free ? 1 : 0);
  }
  if (withPlaces) {
    where.push(withPlaces.length ? `e.type = 'activity' AND e.document_id IN (${withPlaces.map(() => '?').join(', ')})` : '1 = 0');
    bindings.push(...withPlaces);
  }
  return { sql: where.join(' AND '), bindings };
}

export function createSearch(strapi: Core.Strapi, store: SearchStore) {
  const names = memoPerGeneration(() => loadNames(strapi), settings(strapi).cache.ttlSeconds * 1000);

  async function queryTerms(request: SearchRequest): Promise<QueryTerm[]> {
    if (!request.words.length) return [];
    const lookups = await store.lookupWords(request.words, request.locale);
    return lookups.filter((l) => l.stem).map((l) => ({ word: l.word, stem: l.stem!, alternatives: corrections(l) }));
  }

  return async function search(request: SearchRequest): Promise<SearchResponse> {
    const named = await names();
    const tagIds: Partial<Record<Kind, string>> = {};
    for (const kind of ['category', 'neighbourhood'] as const) {
      if (request[kind]) tagIds[kind] = named.documentIdOf(kind, request[kind]!);
    }
    const { page, pageSize } = request;
    const empty: SearchResponse = { data: [], meta: { pagination: { page, pageSize, pageCount: 0, total: 0 }, facets: { category: [], neighbourhood: [] } } };

    const terms = await queryTerms(request);
    if (request.hasQuery && !terms.length) return empty;

    const matching = store.matching(terms, request.locale);
    const filters = filterClause(strapi, request, tagIds, request.hasPlaces ? await activitiesWithPlaces(strapi) : null);
    const matches = { sql: `${matching.sql} AND ${filters.sql}`, bindings: [...matching.bindings, ...filters.bindings] };
    const order = terms.length
      ? { sql: 'm.title_hit DESC, m.score DESC, m.id', bindings: [] }
      : { sql: 'CASE WHEN m.starts_at >= ? THEN m.starts_at END ASC NULLS LAST, m.published_at DESC, m.id DESC', bindings: [Date.now()] };

    // One statement: the match set (with its ranking and the live visibility check) is computed once
    // and gives the page, the facet counts over all matches and the total; `part` tells the rows apart.
    const rows = rowsOf(
      await strapi.db.connection.raw(
        `WITH m AS MATERIALIZED (${matches.sql}),
         page AS (SELECT m.id, m.score, row_number() OVER (ORDER BY ${order.sql}) AS n FROM m ORDER BY ${order.sql} LIMIT ? OFFSET ?)
         SELECT 'hit' AS part, e.id, e.type, e.document_id, e.locale, e.slug, e.title, e.body, e.latitude, e.longitude, e.starts_at, e.ends_at, e.stage,
           page.score, ${store.tagList} AS tags, page.n
         FROM page JOIN ${ENTRIES} e ON e.id = page.id
         UNION ALL SELECT t.kind, NULL, NULL, t.document_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)
           FROM m JOIN ${TAGS} t ON t.entry_id = m.id GROUP BY t.kind, t.document_id
         UNION ALL SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*) FROM m`,
        [...matches.bindings, ...order.bindings, ...order.bindings, pageSize, (page - 1) * pageSize]
      )
    );
    const hits = rows.filter((r) => r.part === 'hit').sort((a, b) => Number(a.n) - Number(b.n));
    const counts = rows.filter((r) => r.part !== 'hit');

    const matchers = terms.map((t) => wordMatcher([t.word, t.stem, ...t.alternatives]));
    const data = hits.map((r): SearchHit => {
      const tagged = String(r.tags ?? '')
        .split(' ')
        .filter(Boolean)
        .sort()
        .map((key) => ({ kind: key.split(':')[0], named: named.named(key, request.locale) }));
      const namedOf = (kind: Kind) => tagged.filter((t) => t.kind === kind && t.named).map((t) => t.named!);
      const hit: SearchHit = {
        type: r.type,
        documentId: r.document_id,
        slug: r.slug,
        title: r.title,
        snippet: snippet(r.title, r.body, matchers),
        score: Math.round(Number(r.score) * 10_000) / 10_000,
        locale: r.locale,
        lat: r.latitude === null ? null : Number(r.latitude),
        lng: r.longitude === null ? null : Number(r.longitude),
        categories: namedOf('category'),
        neighbourhood: namedOf('neighbourhood')[0] ?? null,
      };
      if (r.type === 'activity') Object.assign(hit, { startsAt: iso(r.starts_at), endsAt: iso(r.ends_at) });
      if (r.type === 'initiative') hit.stage = r.stage;
      // An article's kind travels in the stage column: one column for each type's one label.
      if (r.type === 'article') hit.kind = r.stage;
      return hit;
    });

    const facets: SearchResponse['meta']['facets'] = { category: [], neighbourhood: [] };
    let total = 0;
    for (const c of counts) {
      if (c.part === 'total') total = Number(c.n);
      const tag = named.named(`${c.part}:${c.document_id}`, request.locale);
      if (tag && (c.part === 'category' || c.part === 'neighbourhood')) facets[c.part as Kind].push({ ...tag, count: Number(c.n) });
    }
    for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

    return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total }, facets } };
  };
}
