import type { Core } from '@strapi/strapi';
import { yup } from '../../../lib/validation';

/**
 * A bcrypt hash (cost 10, as users-permissions hashes) of a password nobody
 * has: checked against when there is no account or no password, so a wrong
 * password costs the same time whether or not the account exists.
 */
const NO_SUCH_HASH = '$2a$10$lPf0hkk20bgJdpIy9x0g9.DrDs.qU1Q0Yn.VtqohVTlk/TCurPxNW';

export async function passwordMatches(strapi: Core.Strapi, password: string, hash: string | null | undefined): Promise<boolean> {
  const users = strapi.plugin('users-permissions').service('user');
  const matches = await users.validatePassword(password, hash || NO_SUCH_HASH).catch(() => false);
  return Boolean(hash) && matches;
}

/** The same rounds users-permissions uses, so a hash made here logs in there. */
export async function hashPassword(strapi: Core.Strapi, password: string): Promise<string> {
  const { password: hash } = await strapi.plugin('users-permissions').service('user').ensureHashedPasswords({ password });
  return hash;
}

const BCRYPT_MAX_BYTES = 72;

/** Not trimmed: spaces are part of a password. bcrypt ignores what lies past 72 bytes, so longer is refused. */
export const password = (strapi: Core.Strapi) =>
  yup
    .string()
    .min(8, 'The password must have at least 8 characters')
    .test('bcrypt-length', 'Password must be less than 73 bytes', (value) => !value || Buffer.byteLength(value) <= BCRYPT_MAX_BYTES)
    .test('town-rules', 'The password does not meet the rules', async (value) => {
      const check = strapi.config.get('plugin::users-permissions.validationRules.validatePassword') as ((p: string) => unknown) | undefined;
      return !value || typeof check !== 'function' || Boolean(await check(value));
    });

/** A login name: no "@", so it can never be mistaken for (or reveal) an address. */
export const username = () =>
  yup
    .string()
    .trim()
    .min(3)
    .max(40)
    .matches(/^[\p{L}\p{N}._-]+$/u, 'username may only contain letters, digits, dots, dashes and underscores');

/**
 * The name others see on what someone writes, and in the mails they cause
 * (an invitation): letters and simple punctuation only, so it can carry
 * neither an email address nor a link.
 */
export const displayName = () =>
  yup
    .string()
    .trim()
    .min(2)
    .max(60)
    .matches(/^[\p{L}\p{M}\p{N} .'’()&,_-]+$/u, 'displayName may only contain letters, digits, spaces and . \' ( ) & , _ -');

/** A new password, typed twice: the same rules wherever one is set (reset, change). */
export const newPasswordFields = (strapi: Core.Strapi) => ({
  password: password(strapi).required(),
  passwordConfirmation: yup
    .string()
    .required()
    .oneOf([yup.ref('password')], 'Passwords do not match'),
});
