import type { Core } from '@strapi/strapi';
import { documentIdParam, email, language, parseBody, signedInUser, yup } from '../../../lib/validation';

const token = yup.string().trim().min(20).max(200).required();
const schemas = {
  magicLink: yup.object({ email: email().required(), language: language() }),
  token: yup.object({ token }),
  claim: yup.object({ language: language() }),
  challenge: yup.object({ challenge: token, code: yup.string().trim().max(12) }),
  code: yup.object({ code: yup.string().trim().max(12).required() }),
};

const SENT = { data: { sent: true }, meta: {} };

/** Email links and two-factor login; the rules live in the account services. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.service(`api::account.${name}`) as any;
  const userOf = (ctx: any) => signedInUser(ctx).id;

  return {
    async requestMagicLink(ctx: any) {
      const body = await parseBody<{ email: string; language?: 'nl' | 'en' }>(ctx.request.body, schemas.magicLink);
      service('magic-link').request(body.email, body.language);
      ctx.body = SENT;
    },

    async magicLinkCallback(ctx: any) {
      const body = await parseBody<{ token: string }>(ctx.request.body, schemas.token);
      const person = await service('magic-link').redeem(body.token);
      return service('two-factor').loginOrChallenge(ctx, person);
    },

    async acceptInvitation(ctx: any) {
      const body = await parseBody<{ token: string }>(ctx.request.body, schemas.token);
      const { person, organisation } = await service('invitations').accept(body.token);
      return service('two-factor').loginOrChallenge(ctx, person, { organisation });
    },

    async requestClaim(ctx: any) {
      const documentId = documentIdParam(ctx.params);
      const body = await parseBody<{ language?: 'nl' | 'en' }>(ctx.request.body ?? {}, schemas.claim);
      service('claims').request(documentId, body.language);
      ctx.body = SENT;
    },

    async claimCallback(ctx: any) {
      const body = await parseBody<{ token: string }>(ctx.request.body, schemas.token);
      const { person, organisation } = await service('claims').redeem(body.token);
      return service('two-factor').loginOrChallenge(ctx, person, { organisation });
    },

    async verifyTwoFactor(ctx: any) {
      const body = await parseBody<{ challenge: string; code?: string }>(ctx.request.body, schemas.challenge);
      return service('two-factor').verifyChallenge(ctx, body.challenge, body.code);
    },

    /** With a JWT: start setting up 2FA. With a setup challenge (a role that requires 2FA): the same, during login. */
    async setupTwoFactor(ctx: any) {
      const challenge = ctx.request.body?.challenge;
      const data = challenge
        ? await service('two-factor').setupWithChallenge(challenge)
        : await service('two-factor').setup(userOf(ctx));
      ctx.body = { data, meta: {} };
    },

    async enableTwoFactor(ctx: any) {
      if (ctx.request.body?.challenge) {
        const body = await parseBody<{ challenge: string; code?: string }>(ctx.request.body, schemas.challenge);
        return service('two-factor').enableWithChallenge(ctx, body.challenge, body.code);
      }
      const body = await parseBody<{ code: string }>(ctx.request.body, schemas.code);
      await service('two-factor').enable(userOf(ctx), body.code);
      ctx.body = { data: { totpEnabled: true }, meta: {} };
    },

    async disableTwoFactor(ctx: any) {
      const body = await parseBody<{ code: string }>(ctx.request.body, schemas.code);
      await service('two-factor').disable(userOf(ctx), body.code);
      ctx.body = { data: { totpEnabled: false }, meta: {} };
    },
  };
};
