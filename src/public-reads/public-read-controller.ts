import { factories } from '@strapi/strapi';
import { publicRule } from '@buurtplein/plugin-kit';
import type { Core, UID } from '@strapi/strapi';
import { callerOf, restrictToPublic } from './public-query';
import { fastPublicList } from '../strapi-shortcuts/public-list-fast-path';
import { fastPublicFindOne } from '../strapi-shortcuts/public-find-one-fast-path';

interface Options {
  /**
   * Answer the common public list shape, and a findOne without a query string,
   * without the Document Service (src/strapi-shortcuts/public-*-fast-path.ts).
   */
  fastPath?: boolean;
  /** Adds what the type's own rows do not hold to a public findOne's data (an activity's enrolment counts). */
  decorateOne?: (strapi: Core.Strapi, data: { documentId: string; locale?: string } & Record<string, unknown>) => Promise<Record<string, unknown>>;
}

/** The core controller with reads limited to what the public may see. */
export const publicReadController = (uid: UID.ContentType, { fastPath = false, decorateOne }: Options = {}) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const limitToPublic = (ctx: any) => {
      if (!callerOf(ctx).isStaff) ctx.query = restrictToPublic(ctx.query ?? {}, publicRule(strapi, uid));
    };

    return {
      async find(ctx: any) {
        const fast = fastPath ? await fastPublicList(strapi, uid, ctx) : undefined;
        if (fast) return fast;
        limitToPublic(ctx);
        return super.find(ctx);
      },
      // The Document Service's findOne adds the query's filters to the documentId match.
      async findOne(ctx: any) {
        let found: any = fastPath ? await fastPublicFindOne(strapi, uid, ctx) : undefined;
        if (!found) {
          limitToPublic(ctx);
          found = await super.findOne(ctx);
        }
        if (!decorateOne || !found?.data) return found;
        return { ...found, data: await decorateOne(strapi, found.data) };
      },
    };
  });
