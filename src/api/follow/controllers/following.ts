import type { Core } from '@strapi/strapi';
import { idParam } from '@buurtplein/plugin-kit';
import { parseData, parseKnownBody } from '../../../lib/validation';
import { frontendLink } from '../../../mail';
import { confirmedMember } from '../../../visibility/viewer';
import { confirmBody, countQuery, followByEmailData, followData, linkQuery, stopBody } from '../validation';
import type { FollowType, Following, Frequency } from '../services/following';

/** Following counts a person: a confirmed account (the one account model). */
async function followerOf(strapi: Core.Strapi, ctx: any) {
  const { viewer, user } = await confirmedMember(strapi, ctx);
  return { viewer, language: user.language === 'en' ? ('en' as const) : ('nl' as const) };
}

/** GET/POST /api/my/follows, DELETE /api/my/follows/:id, POST /api/follows[/confirm] (routes/01-following.ts); the service holds the rules. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const following = () => strapi.service('api::follow.following') as unknown as Following;
  return {
    async mine(ctx: any) {
      const { viewer } = await followerOf(strapi, ctx);
      ctx.body = { data: await following().mine(viewer) };
    },

    async follow(ctx: any) {
      const { viewer, language } = await followerOf(strapi, ctx);
      const input = await parseData<{ type: FollowType; documentId: string; frequency: Frequency }>(ctx.request.body, followData, { names: ['documentId'] });
      const { created, follow } = await following().follow(viewer, input, language);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: follow };
    },

    /** 202 whatever the address: the answer tells nothing about who follows what. */
    async followByEmail(ctx: any) {
      const input = await parseData<{ email: string; type: FollowType; documentId: string; frequency: Frequency; language: 'nl' | 'en' }>(ctx.request.body, followByEmailData, { names: ['documentId'] });
      await following().askByEmail(input);
      ctx.status = 202;
      ctx.body = { data: { status: 'confirmation-sent' } };
    },

    async count(ctx: any) {
      const { type, documentId } = await parseKnownBody<{ type: FollowType; documentId: string }>(ctx.query, countQuery);
      ctx.body = { data: await following().count(type, documentId) };
    },

    async confirm(ctx: any) {
      const { token } = await parseKnownBody<{ token: string }>(ctx.request.body, confirmBody);
      ctx.body = { data: await following().confirm(token) };
    },

    async manage(ctx: any) {
      const { token } = await parseKnownBody<{ token: string }>(ctx.query, linkQuery);
      ctx.body = { data: await following().byLink(token) };
    },

    /** A person opening the stop link (or a mail scanner): nothing changes until they press the button on the site's page. */
    async unsubscribePage(ctx: any) {
      const { token } = await parseKnownBody<{ token: string }>(ctx.query, linkQuery);
      ctx.status = 303;
      ctx.redirect(frontendLink(strapi, '/follow.html', { manage: token }));
    },

    async unsubscribe(ctx: any) {
      const { token } = await parseKnownBody<{ token: string }>(ctx.query, linkQuery);
      const body = await parseKnownBody<{ data?: { id: number } }>(ctx.request.body ?? {}, stopBody);
      ctx.body = { data: await following().stopByLink(token, body.data?.id) };
    },

    async unfollow(ctx: any) {
      const { viewer } = await followerOf(strapi, ctx);
      ctx.body = { data: await following().unfollow(viewer.userId, idParam(ctx.params)) };
    },
  };
};
