import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden, unauthorized } from '../../../lib/errors';
import { generateTotpSecret, otpauthUri, verifyTotp } from '../lib/totp';
import { MINUTE, settings } from '../../../lib/settings';
import { createRateLimiter } from '../../../limits/rate-limit';
import { rateLimitStore } from '../../../bootstrap/rate-limit-store';
import type { Person } from './people';
import type { TokenPurpose, TokenRecord } from './one-time-token';
import { coded } from '../../../lib/error-codes';

const USER_UID = 'plugin::users-permissions.user';
const ISSUER = 'buurtplein';

/** A challenge for an account with an authenticator verifies a code of that authenticator, and nothing else. */
const VERIFY: TokenPurpose = 'two-factor';
/** Only for an account whose role requires 2FA and that has no authenticator yet: its first login sets one up. */
const ENROL: TokenPurpose = 'two-factor-setup';

const LOG_IN_AGAIN = 'The login has expired; log in again';
const WRONG_CODE = 'The code is not right. Use the current 6-digit code from your app.';

interface Secrets {
  totpSecret: string | null;
  totpPendingSecret: string | null;
}

/**
 * Optional TOTP (RFC 6238) for everyone, required for roles where staff
 * switched on `requireTwoFactor`. A login that needs a second factor gets a
 * short-lived challenge instead of a session; the code turns it into one.
 * A new authenticator is kept aside until a code from it is entered, so
 * setting one up never switches two-factor off, and replacing one takes a
 * code from the one in use.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(USER_UID);
  const tokens = () => strapi.service('api::account.one-time-token') as any;
  const people = () => strapi.service('api::account.people') as any;
  const session = () => strapi.service('api::account.session') as any;
  const limits = () => settings(strapi).twoFactor;

  /** Per role: the role's own flag, or the operator's TWO_FACTOR_ROLES list (the admin's roles screen cannot show our flag). */
  const roleRequiresIt = (person: Person) =>
    Boolean(person.role?.requireTwoFactor || (person.role && settings(strapi).twoFactorRoles.includes(person.role.type)));

  const secretsOf = async (userId: number): Promise<Secrets> =>
    (await users().findOne({ where: { id: userId }, select: ['totpSecret', 'totpPendingSecret'] })) ?? { totpSecret: null, totpPendingSecret: null };

  /** Codes per account, whatever the challenge or session they come with: guessing stays bounded when challenges are renewed. */
  async function countTry(userId: number) {
    const { windowSeconds } = settings(strapi).rateLimit;
    const limiter = createRateLimiter({
      store: rateLimitStore(),
      rules: [{ name: 'two-factor:account', windowMs: windowSeconds * 1000, max: limits().maxCodesPerAccount, key: () => String(userId) }],
    });
    const result = await limiter.check({ ip: '' });
    if (!result.allowed) {
      throw new errors.RateLimitError(
        'Too many codes tried for this account. Please wait a while and try again.',
        coded('two_factor.too_many_codes', { retryAfterSeconds: result.retryAfterSeconds })
      );
    }
  }

  /** The time step of a right code, or null. Pure: nothing is marked used. */
  const stepOf = (secret: string | null, code: unknown) => (secret && typeof code === 'string' ? verifyTotp(secret, code) : null);

  /** A code counts once: the conditional update refuses the same (or an older) time step twice. */
  async function useStep(userId: number, step: number) {
    const { count } = await users().updateMany({
      where: { id: userId, $or: [{ totpLastStep: { $null: true } }, { totpLastStep: { $lt: step } }] },
      data: { totpLastStep: step },
    });
    if (count !== 1) throw new errors.ValidationError('This code has been used already. Wait for the next one.', coded('two_factor.code_used', { reason: 'used' }));
  }

  async function acceptCode(userId: number, secret: string | null, code: unknown) {
    await countTry(userId);
    const step = stepOf(secret, code);
    if (step === null) throw new errors.ValidationError(WRONG_CODE, coded('two_factor.wrong_code', { reason: 'wrong-code' }));
    await useStep(userId, step);
  }

  async function startSetup(person: Person) {
    const secret = generateTotpSecret();
    await users().update({ where: { id: person.id }, data: { totpPendingSecret: secret } });
    return { secret, otpauthUri: otpauthUri({ secret, account: person.email, issuer: ISSUER }) };
  }

  /** The challenge and its person, if the challenge is still good for `purpose`. */
  async function challengeFor(purpose: TokenPurpose, challenge: unknown): Promise<{ record: TokenRecord; person: Person } | null> {
    const check = await tokens().check(purpose, challenge);
    if (!check.ok) return null;
    const person: Person | null = await people().findById(check.record.userId);
    // The account changed since the challenge was made (blocked, or an authenticator set up by now): start over.
    const stillFits = person && !person.blocked && (purpose === VERIFY ? person.totpEnabled : !person.totpEnabled && roleRequiresIt(person));
    return stillFits ? { record: check.record, person } : null;
  }

  return {
    needsSecondFactor: (person: Person) => Boolean(person.totpEnabled || roleRequiresIt(person)),

    /** The end of every successful first step (password, email link, password reset). */
    async loginOrChallenge(ctx: any, person: Person, extra: Record<string, unknown> = {}) {
      if (!this.needsSecondFactor(person)) return session().respondWithLogin(ctx, person, extra);
      const purpose = person.totpEnabled ? VERIFY : ENROL;
      const { token } = await tokens().issue({ purpose, userId: person.id, ttlMs: settings(strapi).links.twoFactorChallengeMinutes * MINUTE });
      const next = purpose === VERIFY ? 'twoFactorRequired' : 'twoFactorSetupRequired';
      return ctx.send({ [next]: true, challenge: token, ...extra });
    },

    /**
     * POST /auth/2fa/verify: a code for a challenge. For a verify challenge the
     * code comes from the account's authenticator; for an enrolment challenge
     * from the one just set up with it, which this switches on. Wrong codes
     * are counted per challenge and per account; only the request that uses
     * the challenge up gets the session.
     */
    async answerChallenge(ctx: any, challenge: unknown, code: unknown) {
      const found = (await challengeFor(VERIFY, challenge)) ?? (await challengeFor(ENROL, challenge));
      if (!found) throw unauthorized(LOG_IN_AGAIN, coded('two_factor.log_in_again', { reason: 'challenge' }));
      const { record, person } = found;
      await countTry(person.id);
      const secrets = await secretsOf(person.id);
      const secret = record.purpose === VERIFY ? secrets.totpSecret : secrets.totpPendingSecret;
      if (record.purpose === ENROL && !secret) throw new errors.ValidationError('Set up your authenticator app first (POST /api/auth/2fa/enrol)', coded('two_factor.no_setup', { reason: 'no-setup' }));
      const step = stepOf(secret, code);
      if (step === null) {
        const { attemptsLeft } = await tokens().countFailure(record, limits().maxCodesPerChallenge);
        if (!attemptsLeft) throw unauthorized(`${WRONG_CODE} That was the last try: log in again.`, coded('two_factor.log_in_again', { reason: 'challenge' }));
        throw new errors.ValidationError(WRONG_CODE, coded('two_factor.wrong_code', { reason: 'wrong-code', attemptsLeft }));
      }
      await useStep(person.id, step);
      const used = await tokens().consume(record.purpose, challenge);
      if (!used.ok) throw unauthorized(LOG_IN_AGAIN, coded('two_factor.log_in_again', { reason: 'challenge' }));
      if (record.purpose === ENROL && !(await this.activatePending(person.id, secret!))) throw unauthorized(LOG_IN_AGAIN, coded('two_factor.log_in_again', { reason: 'challenge' }));
      return session().respondWithLogin(ctx, { ...person, totpEnabled: true });
    },

    /** POST /auth/2fa/enrol with an enrolment challenge: the new secret to scan. */
    async enrolWithChallenge(challenge: unknown) {
      const found = await challengeFor(ENROL, challenge);
      if (!found) throw unauthorized(LOG_IN_AGAIN, coded('two_factor.log_in_again', { reason: 'challenge' }));
      return startSetup(found.person);
    },

    /** Signed in: a new secret to scan. With an authenticator in use, only with a current code from it. */
    async setup(userId: number, code: unknown) {
      const person: Person = await people().findById(userId);
      if (person.totpEnabled) await acceptCode(userId, (await secretsOf(userId)).totpSecret, code);
      return startSetup(person);
    },

    /** Signed in: a code from the new authenticator switches it on (replacing any earlier one). */
    async enable(userId: number, code: unknown) {
      const pending = (await secretsOf(userId)).totpPendingSecret;
      if (!pending) throw new errors.ValidationError('Set up your authenticator app first (POST /api/auth/2fa/setup)', coded('two_factor.no_setup', { reason: 'no-setup' }));
      await acceptCode(userId, pending, code);
      if (!(await this.activatePending(userId, pending))) throw new errors.ValidationError('A newer setup was started; use the code from that one', coded('two_factor.no_setup', { reason: 'no-setup' }));
    },

    /** Only the secret the code was checked against moves in: a setup started meanwhile cannot slip in. */
    async activatePending(userId: number, secret: string): Promise<boolean> {
      const { count } = await users().updateMany({
        where: { id: userId, totpPendingSecret: secret },
        data: { totpSecret: secret, totpPendingSecret: null, totpEnabled: true },
      });
      return count === 1;
    },

    async disable(userId: number, code: unknown) {
      const person: Person = await people().findById(userId);
      if (roleRequiresIt(person)) throw forbidden('Your role requires two-factor login', coded('two_factor.required'));
      if (!person.totpEnabled) return;
      await acceptCode(userId, (await secretsOf(userId)).totpSecret, code);
      await users().update({ where: { id: userId }, data: { totpEnabled: false, totpSecret: null, totpPendingSecret: null, totpLastStep: null } });
    },
  };
};
