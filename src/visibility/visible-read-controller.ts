import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';
import { publicRule } from '@buurtplein/plugin-kit';
import { restrictToPublic } from '../public-reads/public-query';
import { fastPublicList } from '../strapi-shortcuts/public-list-fast-path';
import { restrictQuery } from './restrict-query';
import { visibilityFilter } from './rules';
import { viewerOf } from './viewer';

/**
 * The core controller of a type with visibility (groups, articles, questions,
 * answers): published rows only, and only those the caller may see, also
 * through populate and relation filters. A document the caller may not see
 * is not found (404), never forbidden: a secret group does not exist for them.
 * The common list shape takes the fast path, with the same visibility.
 */
export const visibleReadController = (uid: UID.ContentType) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const restrict = async (ctx: any) => {
      const viewer = await viewerOf(strapi, ctx);
      if (viewer.kind === 'staff') return;
      ctx.query = restrictQuery(strapi, uid, restrictToPublic(ctx.query ?? {}, publicRule(strapi, uid)), viewer);
    };
    return {
      async find(ctx: any) {
        const viewer = await viewerOf(strapi, ctx);
        const fast = viewer.kind === 'staff' ? undefined : await fastPublicList(strapi, uid, ctx, { visibleTo: (type) => visibilityFilter(type, viewer) });
        if (fast) return fast;
        await restrict(ctx);
        return super.find(ctx);
      },
      async findOne(ctx: any) {
        await restrict(ctx);
        return super.findOne(ctx);
      },
    };
  });
