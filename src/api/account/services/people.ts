import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Language } from '../../../mail';
import { renameAuthor } from '../lib/rename-author';

const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';
export const EDITOR_ROLE = 'editor';

export interface Person {
  id: number;
  email: string;
  username: string;
  displayName?: string | null;
  confirmed: boolean;
  blocked: boolean;
  language?: Language;
  totpEnabled?: boolean;
  role?: { id: number; type: string; requireTwoFactor?: boolean };
}

/** What someone chose when registering with a password; it only takes effect once they prove the address. */
export interface Registration {
  username: string;
  displayName?: string;
  /** bcrypt, made when they registered: the password itself is never stored. */
  passwordHash: string;
}

/** Shown on what a person writes when they chose no name: never anything from their address. */
export const generatedDisplayName = () => `Bewoner ${crypto.randomInt(1000, 10000)}`;

/** Accounts, looked up and created by email: the one thing people never lose. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(USER_UID);
  const roleId = async (type: string) => (await strapi.db.query(ROLE_UID).findOne({ where: { type }, select: ['id'] }))?.id;
  const isTaken = async (username: string) => (await users().count({ where: { username } })) > 0;

  // Random, not from the address: a username can end up where others see it.
  async function generatedUsername() {
    for (;;) {
      const candidate = `bewoner-${crypto.randomBytes(4).toString('hex')}`;
      if (!(await isTaken(candidate))) return candidate;
    }
  }

  /** The registered username when still free; somebody may have taken it while the mail was on its way. */
  const usernameFrom = async (registration?: Registration) =>
    registration && !(await isTaken(registration.username)) ? registration.username : generatedUsername();

  return {
    async findByEmail(email: string): Promise<Person | null> {
      return users().findOne({ where: { email: email.toLowerCase() }, populate: ['role'] });
    },

    async findById(id: number): Promise<Person | null> {
      return users().findOne({ where: { id }, populate: ['role'] });
    },

    /**
     * The person who just followed a link sent to `email`: that proves they
     * own the address. A new account is created confirmed. An unconfirmed one
     * becomes theirs: nothing set on it before that proof survives (a password,
     * an authenticator, sessions), except what their own registration link
     * carries. A confirmed account is simply theirs already.
     */
    async findOrCreateConfirmed(email: string, language: Language, registration?: Registration): Promise<Person> {
      const existing = await this.findByEmail(email);
      if (!existing) return this.create(email, language, { confirmed: true, registration });
      if (existing.confirmed) return existing;
      await users().update({
        where: { id: existing.id },
        data: {
          confirmed: true,
          password: registration?.passwordHash ?? null,
          totpEnabled: false,
          totpSecret: null,
          totpPendingSecret: null,
          totpLastStep: null,
          ...(registration ? { username: await usernameFrom(registration), displayName: registration.displayName ?? existing.displayName } : {}),
        },
      });
      await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(existing.id));
      return (await this.findById(existing.id))!;
    },

    async create(email: string, language: Language, { confirmed, registration }: { confirmed: boolean; registration?: Registration }): Promise<Person> {
      const created = await strapi.plugin('users-permissions').service('user').add({
        username: await usernameFrom(registration),
        displayName: registration?.displayName,
        email: email.toLowerCase(),
        provider: 'local',
        confirmed,
        blocked: false,
        language,
        role: await roleId('authenticated'),
      });
      // Stored as it is: the user service would hash the hash again.
      if (registration) await users().update({ where: { id: created.id }, data: { password: registration.passwordHash } });
      return (await this.findById(created.id))!;
    },

    /** What a person changes about themselves; what they wrote earlier shows a new name too. */
    async updateProfile(userId: number, data: { displayName?: string; language?: Language }) {
      if (Object.keys(data).length) await users().update({ where: { id: userId }, data });
      if (data.displayName) await renameAuthor(strapi, userId, data.displayName);
      const { displayName, language } = (await this.findById(userId))!;
      return { displayName, language };
    },

    /** Joining an organisation makes a resident an editor; other roles (staff-made) are kept. */
    async makeEditor(person: Person) {
      if (person.role?.type !== 'authenticated') return;
      await users().update({ where: { id: person.id }, data: { role: await roleId(EDITOR_ROLE) } });
    },
  };
};
