import type { Core } from '@strapi/strapi';
import { documentIdParam, email, language, parseBody, parseData, signedInUser, sitePath, yup } from '../../../lib/validation';
import { displayName } from '../lib/credentials';

const token = yup.string().trim().min(20).max(200).required();
const code = yup.string().trim().max(12);
const schemas = {
  magicLink: yup.object({ email: email().required(), language: language(), next: sitePath() }),
  token: yup.object({ token }),
  claim: yup.object({ language: language() }),
  challenge: yup.object({ challenge: token, code }),
  enrol: yup.object({ challenge: token }),
  currentCode: yup.object({ code }),
  code: yup.object({ code: code.required() }),
  profile: yup.object({ displayName: displayName(), language: language() }),
};

const SENT = { data: { sent: true }, meta: {} };

/** Email links, two-factor login and one's own account; the rules live in the account services. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.service(`api::account.${name}`) as any;
  const userOf = (ctx: any) => signedInUser(ctx).id;

  return {
    async requestMagicLink(ctx: any) {
      const body = await parseBody<{ email: string; language?: 'nl' | 'en'; next?: string }>(ctx.request.body, schemas.magicLink);
      service('magic-link').request(body.email, body.language, body.next);
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

    /** A challenge (from a login that needs a second factor) and a code: a session. */
    async verifyTwoFactor(ctx: any) {
      const body = await parseBody<{ challenge: string; code?: string }>(ctx.request.body, schemas.challenge);
      return service('two-factor').answerChallenge(ctx, body.challenge, body.code);
    },

    /** A login whose role requires 2FA, on an account without it: the secret to scan, for that challenge only. */
    async enrolTwoFactor(ctx: any) {
      const body = await parseBody<{ challenge: string }>(ctx.request.body, schemas.enrol);
      ctx.body = { data: await service('two-factor').enrolWithChallenge(body.challenge), meta: {} };
    },

    /** Signed in: a new secret to scan; with two-factor on, only with a current code. */
    async setupTwoFactor(ctx: any) {
      const body = await parseBody<{ code?: string }>(ctx.request.body ?? {}, schemas.currentCode);
      ctx.body = { data: await service('two-factor').setup(userOf(ctx), body.code), meta: {} };
    },

    async enableTwoFactor(ctx: any) {
      const body = await parseBody<{ code: string }>(ctx.request.body, schemas.code);
      await service('two-factor').enable(userOf(ctx), body.code);
      ctx.body = { data: { totpEnabled: true }, meta: {} };
    },

    async disableTwoFactor(ctx: any) {
      const body = await parseBody<{ code: string }>(ctx.request.body, schemas.code);
      await service('two-factor').disable(userOf(ctx), body.code);
      ctx.body = { data: { totpEnabled: false }, meta: {} };
    },

    /** PUT /my/account: the name shown on what one writes, and the language of one's mails. */
    async updateProfile(ctx: any) {
      const data = await parseData<{ displayName?: string; language?: 'nl' | 'en' }>(ctx.request.body, schemas.profile);
      ctx.body = { data: await service('people').updateProfile(userOf(ctx), data), meta: {} };
    },
  };
};
