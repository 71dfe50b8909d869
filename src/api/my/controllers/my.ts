import type { Core } from '@strapi/strapi';
import { documentIdParam, parseBody, parseData, signedInUser } from '../../../lib/validation';
import { settings } from '../../../lib/settings';
import type { PictureKind } from '../services/pictures';
import { activityCreate, activityUpdate, invitation, localeQuery, organisationUpdate } from '../validation';
import { pictureUpload } from '../validation/picture';

const userOf = (ctx: any) => signedInUser(ctx).id;
const documentIdOf = (ctx: any) => documentIdParam(ctx.params);

/** The signed-in editor's workspace: their organisations and activities, drafts included. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workspace = () => strapi.service('api::my.workspace') as any;
  const pictures = () => strapi.service('api::my.pictures') as any;

  const setPicture = async (ctx: any, kind: PictureKind) => {
    const upload = await pictureUpload(ctx.request.body, ctx.request.files, settings(strapi).pictures.maxBytes);
    ctx.body = { data: await pictures().set(kind, userOf(ctx), documentIdOf(ctx), upload), meta: {} };
  };
  const removePicture = async (ctx: any, kind: PictureKind) => {
    ctx.body = { data: await pictures().remove(kind, userOf(ctx), documentIdOf(ctx)), meta: {} };
  };

  return {
    async organisations(ctx: any) {
      ctx.body = { data: await workspace().organisations(userOf(ctx), localeQuery(ctx.query)), meta: {} };
    },

    async updateOrganisation(ctx: any) {
      const data = await parseData(ctx.request.body, organisationUpdate);
      ctx.body = { data: await workspace().updateOrganisation(userOf(ctx), documentIdOf(ctx), localeQuery(ctx.query), data), meta: {} };
    },

    async activities(ctx: any) {
      const organisation = typeof ctx.query.organisation === 'string' ? ctx.query.organisation : undefined;
      ctx.body = { data: await workspace().activities(userOf(ctx), localeQuery(ctx.query), organisation), meta: {} };
    },

    async createActivity(ctx: any) {
      const data = await parseData(ctx.request.body, activityCreate);
      ctx.status = 201;
      ctx.body = { data: await workspace().createActivity(userOf(ctx), localeQuery(ctx.query), data), meta: {} };
    },

    async updateActivity(ctx: any) {
      const data = await parseData(ctx.request.body, activityUpdate);
      ctx.body = { data: await workspace().updateActivity(userOf(ctx), documentIdOf(ctx), localeQuery(ctx.query), data), meta: {} };
    },

    async deleteActivity(ctx: any) {
      await workspace().deleteActivity(userOf(ctx), documentIdOf(ctx));
      ctx.status = 204;
    },

    async publishActivity(ctx: any) {
      await workspace().publishActivity(userOf(ctx), documentIdOf(ctx));
      ctx.body = { data: { documentId: ctx.params.documentId, isPublished: true }, meta: {} };
    },

    async unpublishActivity(ctx: any) {
      await workspace().unpublishActivity(userOf(ctx), documentIdOf(ctx));
      ctx.body = { data: { documentId: ctx.params.documentId, isPublished: false }, meta: {} };
    },

    setOrganisationLogo: (ctx: any) => setPicture(ctx, 'organisation'),
    removeOrganisationLogo: (ctx: any) => removePicture(ctx, 'organisation'),
    setActivityImage: (ctx: any) => setPicture(ctx, 'activity'),
    removeActivityImage: (ctx: any) => removePicture(ctx, 'activity'),

    async invite(ctx: any) {
      const body = await parseBody<{ email: string; language?: 'nl' | 'en' }>(ctx.request.body, invitation);
      const sent = await strapi.service('api::account.invitations').invite(userOf(ctx), documentIdOf(ctx), body.email, body.language);
      ctx.status = 201;
      ctx.body = { data: sent, meta: {} };
    },
  };
};
