import type { Core } from '@strapi/strapi';
import type { Subject } from '../stats/counter';
import { ITEM_KIND_OF_PATH } from '../stats/items';
import { normaliseSearch } from '../stats/search-text';

/** A public item's own page (findOne), a feed and an embed: what counts as a view of what. */
const ITEM = new RegExp(`^/api/(${Object.keys(ITEM_KIND_OF_PATH).join('|')})/([^/]+)$`);
const FEED = /^\/api\/feeds\/([^/]+)$/;
const EMBED = /^\/embed\/([^/]+)$/;

function subjectOf(path: string): Subject | null {
  const item = ITEM.exec(path);
  if (item) return { kind: ITEM_KIND_OF_PATH[item[1] as keyof typeof ITEM_KIND_OF_PATH], item: item[2] };
  const feed = FEED.exec(path);
  if (feed) return { kind: 'feed', item: feed[1] };
  const embed = EMBED.exec(path);
  return embed ? { kind: 'embed', item: embed[1] } : null;
}

/** The search's total, from the answer as sent (global::public-cache hands out bytes, fresh or kept). */
function totalOf(body: unknown): number | null {
  try {
    const answer = Buffer.isBuffer(body) ? JSON.parse(body.toString('utf8')) : body;
    const total = answer?.meta?.pagination?.total;
    return typeof total === 'number' ? total : null;
  } catch {
    return null;
  }
}

/**
 * Counts public views and searches (src/stats) once the answer is known, so
 * an answer from the response cache counts like a fresh one. Only the public
 * side: a request with Authorization (staff tokens, signed-in residents'
 * own data) is not a visit. A 304 counts as a view: the visitor looked again.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let service: ReturnType<typeof strapi.service> | undefined;
  const counting = () => (service ??= strapi.service('api::stats.counting'));

  return async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.method !== 'GET' || ctx.get('Authorization') || !counting().isCounting()) return;
    if (ctx.status === 200 && ctx.path === '/api/search') {
      const text = normaliseSearch(ctx.request.query.q);
      const page = ctx.request.query.page;
      const total = totalOf(ctx.body);
      if (text && (page === undefined || page === '1') && total !== null) counting().search(ctx, text, total === 0);
      return;
    }
    if (ctx.status !== 200 && ctx.status !== 304) return;
    const subject = subjectOf(ctx.path);
    if (subject) counting().view(ctx, subject);
  };
};
