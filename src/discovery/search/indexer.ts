import { onContentChange, publicRule, VISIBILITY_EVENTS } from '@buurtplein/plugin-kit';
import type { Core } from '@strapi/strapi';
import { SEARCH_TYPES, type SearchType } from './query';
import { documentsOf, readDocuments, SEARCH_SOURCES, typeOfUid, withRelatedRows } from './sources';
import { ENTRIES, rowsOf, type SearchStore } from './store';
import { bumpAfterCommit } from '../../cache';
import { ANY_CONTENT } from '../../cache/scopes';

const BATCH = 200;
const ORGANISATION = SEARCH_SOURCES.organisation.uid;
const GROUP = 'api::group.group';
/** Document Service actions that can change what the public sees. */
const WRITES = ['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'];

export interface RebuildReport {
  documents: Partial<Record<SearchType, number>>;
  removed: Partial<Record<SearchType, number>>;
  durationMs: number;
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function createIndexer(strapi: Core.Strapi, store: SearchStore) {
  const knex = () => strapi.db.connection;
  const tableOf = (type: SearchType) => strapi.getModel(SEARCH_SOURCES[type].uid as any).collectionName;

  /**
   * Re-reads these documents and rewrites their entries, inside the caller's
   * transaction when there is one. Cached search answers are dropped after
   * that: the content's own change may have been announced (and the cache
   * emptied) before the index caught up.
   */
  async function indexDocuments(type: SearchType, documentIds: string[]) {
    const batches = chunks([...new Set(documentIds.filter(Boolean))], BATCH);
    for (const batch of batches) {
      await strapi.db.transaction(async ({ trx }) => {
        await store.replace(trx, type, batch, await readDocuments(strapi, type, batch), Date.now());
      });
    }
    if (batches.length) await bumpAfterCommit(strapi, [ANY_CONTENT]);
  }

  /**
   * Documents the caller has just written without the Document Service,
   * indexed from the rows it holds (relations as documentIds) instead of
   * reading them back: the bulk import. Only their published, non-archived rows count.
   */
  async function indexWritten(uid: string, rows: Record<string, unknown>[]) {
    const type = typeOfUid(uid);
    if (!type) return;
    const batches = chunks([...new Set(rows.map((r) => r.documentId as string))], BATCH);
    for (const batch of batches) {
      const inBatch = new Set(batch);
      const rule = publicRule(strapi, uid);
      const visible = rows.filter((r) => inBatch.has(r.documentId as string) && rule.holdsFor(r));
      const docs = documentsOf(type, await withRelatedRows(strapi, type, visible));
      await strapi.db.transaction(async ({ trx }) => store.replace(trx, type, batch, docs, Date.now()));
    }
    if (batches.length) await bumpAfterCommit(strapi, [ANY_CONTENT]);
  }

  /** An activity's text holds its organisation's name: renaming, unpublishing or archiving the organisation re-indexes them. */
  async function indexActivitiesOf(organisationIds: string[]) {
    const rows = await strapi.db.query(SEARCH_SOURCES.activity.uid as any).findMany({
      where: { organisation: { documentId: { $in: organisationIds } } },
      select: ['documentId'],
    });
    await indexDocuments('activity', rows.map((r: { documentId: string }) => r.documentId));
  }

  /** The articles and questions in these groups, per type. */
  async function contentOfGroups(groupIds: string[]) {
    const found: Partial<Record<SearchType, string[]>> = {};
    for (const type of ['article', 'question'] as const) {
      const rows = await strapi.db.query(SEARCH_SOURCES[type].uid as any).findMany({ where: { group: { documentId: { $in: groupIds } } }, select: ['documentId'] });
      found[type] = rows.map((r: { documentId: string }) => r.documentId);
    }
    return found;
  }

  /** What an activity's entry shows of its organisation: the names of the organisation's published versions. */
  async function shownOfOrganisation(documentId: string): Promise<string> {
    const rows = await strapi.db.query(ORGANISATION as any).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale', 'name'] });
    return rows.map((r: { locale: string; name: string }) => `${r.locale}:${r.name}`).sort().join('\n');
  }

  async function indexChange(uid: string, documentIds: string[], { dependants }: { dependants: boolean }) {
    const type = typeOfUid(uid);
    if (!type) return;
    await indexDocuments(type, documentIds);
    if (dependants && uid === ORGANISATION) await indexActivitiesOf(documentIds);
  }

  async function rebuild({ types = [...SEARCH_TYPES], log = () => {} }: { types?: SearchType[]; log?: (line: string) => void } = {}): Promise<RebuildReport> {
    const startedAt = Date.now();
    const report: RebuildReport = { documents: {}, removed: {}, durationMs: 0 };
    for (const type of types) {
      let after = '';
      let done = 0;
      for (;;) {
        const ids = rowsOf(
          await knex().raw(
            `SELECT DISTINCT document_id FROM "${tableOf(type)}" WHERE ${publicRule(strapi, SEARCH_SOURCES[type].uid).sql()} AND document_id > ? ORDER BY document_id LIMIT ?`,
            [after, BATCH]
          )
        ).map((r) => r.document_id as string);
        if (!ids.length) break;
        await indexDocuments(type, ids);
        done += ids.length;
        after = ids[ids.length - 1];
        log(`[search] ${type}: ${done} documents indexed`);
      }
      // Whatever the walk did not write is no longer public (or went away during the walk): re-reading it removes it.
      const stale = rowsOf(await knex().raw(`SELECT DISTINCT document_id FROM ${ENTRIES} WHERE type = ? AND indexed_at < ?`, [type, startedAt])).map(
        (r) => r.document_id as string
      );
      await indexDocuments(type, stale);
      report.documents[type] = done;
      report.removed[type] = stale.length;
    }
    await store.afterRebuild();
    report.durationMs = Date.now() - startedAt;
    return report;
  }

  /** After an upgrade (or a restore of a database without the index) the index is empty while content exists. */
  async function rebuildWhenEmpty() {
    const [{ n }] = rowsOf(await knex().raw(`SELECT count(*) AS n FROM ${ENTRIES}`));
    if (Number(n) > 0) return;
    const published = await Promise.all(
      SEARCH_TYPES.map(async (type) => rowsOf(await knex().raw(`SELECT 1 FROM "${tableOf(type)}" WHERE published_at IS NOT NULL LIMIT 1`)).length)
    );
    if (!published.some(Boolean)) return;
    strapi.log.info('[search] the search index is empty: building it');
    const report = await rebuild({ log: (line) => strapi.log.info(line) });
    strapi.log.info(`[search] index built in ${report.durationMs} ms`);
  }

  /**
   * Keeps the index in step with every write through the Document Service
   * (REST, admin panel, our own code) and with content-expiry's SQL changes.
   * A failure to index is logged, not thrown: the write itself succeeded and
   * `npm run search:rebuild` repairs the index.
   */
  function follow() {
    strapi.documents.use(async (context, next) => {
      const params = context.params as { documentId?: string };
      if (context.uid !== GROUP || !['update', 'delete'].includes(context.action) || !params.documentId) return next();
      // Who may find an article or question depends on its group (turned secret, or deleted): found before, re-indexed after.
      const content = await contentOfGroups([params.documentId]);
      const result = await next();
      const reindex = async () => {
        for (const [type, ids] of Object.entries(content) as [SearchType, string[]][]) await indexDocuments(type, ids);
      };
      await reindex().catch(logFailure(context.uid, context.action));
      return result;
    });
    strapi.documents.use(async (context, next) => {
      if (!WRITES.includes(context.action) || !typeOfUid(context.uid)) return next();
      const params = context.params as { documentId?: string; status?: string };
      // Saving a draft changes nothing public, so an organisation's activities need no new look then.
      const published = context.action !== 'update' || params.status === 'published';
      const organisationEdit = context.uid === ORGANISATION && ['update', 'publish'].includes(context.action) && published && params.documentId;
      const shownBefore = organisationEdit ? await shownOfOrganisation(params.documentId!).catch(() => undefined) : undefined;
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const index = async () => {
        // A published edit of an organisation that leaves its names alone (a new phone number, say) changes no activity's text.
        const dependants = published && (shownBefore === undefined || (await shownOfOrganisation(documentId)) !== shownBefore);
        await indexChange(context.uid, [documentId], { dependants });
      };
      await index().catch(logFailure(context.uid, context.action));
      return result;
    });
    // Plain-SQL changes of which documents are public (archiving, deleting, restoring), which no document middleware sees.
    onContentChange(strapi, VISIBILITY_EVENTS, ({ uid, documentIds }, event) => indexChange(uid, documentIds, { dependants: true }).catch(logFailure(uid, event)));
  }

  const logFailure = (uid: string, what: string) => (error: Error) =>
    strapi.log.error(`[search] could not index ${uid} after ${what}: ${error.message}; run npm run search:rebuild`);

  return { indexDocuments, indexChange, indexWritten, rebuild, rebuildWhenEmpty, follow };
}
