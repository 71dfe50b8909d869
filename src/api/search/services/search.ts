import type { Core } from '@strapi/strapi';
import { createIndexer } from '../../../discovery/search/indexer';
import { postgresStore } from '../../../discovery/search/postgres-store';
import type { SearchRequest } from '../../../discovery/search/query';
import { createSearch } from '../../../discovery/search/search';
import { sqliteStore } from '../../../discovery/search/sqlite-store';
import type { SearchStore } from '../../../discovery/search/store';

type Indexer = ReturnType<typeof createIndexer>;

/** Full-text search over activities, organisations and initiatives (issue #8); the parts live in src/discovery/search. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let engine: { store: SearchStore; search: ReturnType<typeof createSearch>; indexer: Indexer } | undefined;

  /** Built on first use: the database connection does not exist yet when services are registered. */
  function parts() {
    if (!engine) {
      const client = strapi.db.dialect.client;
      if (client !== 'postgres' && client !== 'sqlite') throw new Error(`[search] search needs PostgreSQL or SQLite, not ${client}`);
      const store = client === 'postgres' ? postgresStore(strapi, strapi.db.connection) : sqliteStore(strapi.db.connection);
      engine = { store, search: createSearch(strapi, store), indexer: createIndexer(strapi, store) };
    }
    return engine;
  }

  return {
    /** At start-up: the tables, then following every write, then a first build when the index is empty. */
    async setUp() {
      await parts().store.ensure();
      parts().indexer.follow();
      await parts().indexer.rebuildWhenEmpty();
    },
    search: (request: SearchRequest) => parts().search(request),
    // Every index change empties the response cache itself (indexer.indexDocuments).
    rebuild: (options?: Parameters<Indexer['rebuild']>[0]) => parts().indexer.rebuild(options),
    /** New documents written without the Document Service (the bulk import): only these, not a rebuild; nothing links to them yet. */
    indexNew: (uid: string, documentIds: string[]) => parts().indexer.indexChange(uid, documentIds, { dependants: false }),
    /** The same from the rows just written (relations as documentIds), without reading them back: the bulk import's rows. */
    indexWritten: (uid: string, rows: Record<string, unknown>[]) => parts().indexer.indexWritten(uid, rows),
  };
};
