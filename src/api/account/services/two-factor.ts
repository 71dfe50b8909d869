import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden, unauthorized } from '../../../lib/errors';
import { generateTotpSecret, otpauthUri, verifyTotp } from '../../../lib/totp';
import { MINUTE, settings } from '../../../lib/settings';
import type { Person } from './people';

const USER_UID = 'plugin::users-permissions.user';
const ISSUER = 'buurtplein';

/**
 * Optional TOTP (RFC 6238) for everyone, required for roles where staff
 * switched on `requireTwoFactor`. A login that needs a second factor gets a
 * short-lived challenge instead of a JWT; the code turns it into a login.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(USER_UID);
  const tokens = () => strapi.service('api::account.one-time-token') as any;
  const people = () => strapi.service('api::account.people') as any;
  const session = () => strapi.service('api::account.session') as any;

  /** Per role: the role's own flag, or the operator's TWO_FACTOR_ROLES list (the admin's roles screen cannot show our flag). */
  const roleRequiresIt = (person: Person) =>
    Boolean(person.role?.requireTwoFactor || (person.role && settings(strapi).twoFactorRoles.includes(person.role.type)));

  const secretOf = async (userId: number) => (await users().findOne({ where: { id: userId }, select: ['totpSecret'] }))?.totpSecret as string | null;

  /** A code counts once: the conditional update refuses the same (or an older) time step twice. */
  async function acceptCode(userId: number, secret: string | null, code: unknown) {
    const step = secret && typeof code === 'string' ? verifyTotp(secret, code) : null;
    if (step === null) throw new errors.ValidationError('The code is not right. Use the current 6-digit code from your app.');
    const { count } = await users().updateMany({
      where: { id: userId, $or: [{ totpLastStep: { $null: true } }, { totpLastStep: { $lt: step } }] },
      data: { totpLastStep: step },
    });
    if (count !== 1) throw new errors.ValidationError('This code has been used already. Wait for the next one.');
  }

  async function personOfChallenge(challenge: unknown): Promise<Person> {
    const check = await tokens().check('two-factor', challenge);
    if (!check.ok) throw unauthorized('The login has expired; log in again', { reason: check.reason });
    return people().findById(check.record.userId);
  }

  async function startSetup(userId: number) {
    const person = await people().findById(userId);
    const secret = generateTotpSecret();
    await users().update({ where: { id: userId }, data: { totpSecret: secret, totpEnabled: false, totpLastStep: null } });
    return { secret, otpauthUri: otpauthUri({ secret, account: person.email, issuer: ISSUER }) };
  }

  async function enable(userId: number, code: unknown) {
    await acceptCode(userId, await secretOf(userId), code);
    await users().update({ where: { id: userId }, data: { totpEnabled: true } });
  }

  return {
    needsSecondFactor: (person: Person) => Boolean(person.totpEnabled || roleRequiresIt(person)),

    /** The end of every successful first step (password or email link). */
    async loginOrChallenge(ctx: any, person: Person, extra: Record<string, unknown> = {}) {
      if (!this.needsSecondFactor(person)) return session().respondWithLogin(ctx, person, extra);
      const { token } = await tokens().issue({
        purpose: 'two-factor',
        userId: person.id,
        ttlMs: settings(strapi).links.twoFactorChallengeMinutes * MINUTE,
      });
      const next = person.totpEnabled ? 'twoFactorRequired' : 'twoFactorSetupRequired';
      return ctx.send({ [next]: true, challenge: token, ...extra });
    },

    async verifyChallenge(ctx: any, challenge: unknown, code: unknown) {
      const person = await personOfChallenge(challenge);
      if (!person.totpEnabled) throw new errors.ValidationError('Set up two-factor login first');
      await acceptCode(person.id, await secretOf(person.id), code);
      await tokens().consume('two-factor', challenge);
      return session().respondWithLogin(ctx, person);
    },

    setup: startSetup,
    enable,

    /** For a role that requires 2FA, setting it up is part of the first login. */
    async setupWithChallenge(challenge: unknown) {
      return startSetup((await personOfChallenge(challenge)).id);
    },

    async enableWithChallenge(ctx: any, challenge: unknown, code: unknown) {
      const person = await personOfChallenge(challenge);
      await enable(person.id, code);
      await tokens().consume('two-factor', challenge);
      return session().respondWithLogin(ctx, { ...person, totpEnabled: true });
    },

    async disable(userId: number, code: unknown) {
      const person: Person = await people().findById(userId);
      if (roleRequiresIt(person)) throw forbidden('Your role requires two-factor login');
      if (!person.totpEnabled) return;
      await acceptCode(userId, await secretOf(userId), code);
      await users().update({ where: { id: userId }, data: { totpEnabled: false, totpSecret: null, totpLastStep: null } });
    },
  };
};
