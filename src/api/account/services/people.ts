import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Language } from '../../../mail';

const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';
export const EDITOR_ROLE = 'editor';

export interface Person {
  id: number;
  email: string;
  username: string;
  confirmed: boolean;
  blocked: boolean;
  language?: Language;
  totpEnabled?: boolean;
  role?: { id: number; type: string; requireTwoFactor?: boolean };
}

/** Accounts, looked up and created by email: the one thing people never lose. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(USER_UID);
  const roleId = async (type: string) => (await strapi.db.query(ROLE_UID).findOne({ where: { type }, select: ['id'] }))?.id;

  async function usernameFor(email: string) {
    const base = email.split('@')[0].toLowerCase().replace(/[^a-z0-9._-]/g, '').slice(0, 40) || 'user';
    for (;;) {
      const candidate = `${base.padEnd(3, '0')}-${crypto.randomBytes(3).toString('hex')}`;
      if (!(await users().count({ where: { username: candidate } }))) return candidate;
    }
  }

  return {
    async findByEmail(email: string): Promise<Person | null> {
      return users().findOne({ where: { email: email.toLowerCase() }, populate: ['role'] });
    },

    async findById(id: number): Promise<Person | null> {
      return users().findOne({ where: { id }, populate: ['role'] });
    },

    /**
     * Whoever follows a link sent to an address owns that address: the account
     * is created if needed and counts as confirmed from then on.
     */
    async findOrCreateConfirmed(email: string, language: Language): Promise<Person> {
      const existing = await this.findByEmail(email);
      if (existing) {
        if (!existing.confirmed) await users().update({ where: { id: existing.id }, data: { confirmed: true } });
        return { ...existing, confirmed: true };
      }
      return this.create(email, language, { confirmed: true });
    },

    async create(email: string, language: Language, { confirmed }: { confirmed: boolean }): Promise<Person> {
      const created = await strapi.plugin('users-permissions').service('user').add({
        username: await usernameFor(email),
        email: email.toLowerCase(),
        provider: 'local',
        confirmed,
        blocked: false,
        language,
        role: await roleId('authenticated'),
      });
      return (await this.findById(created.id))!;
    },

    /** Joining an organisation makes a resident an editor; other roles (staff-made) are kept. */
    async makeEditor(person: Person) {
      if (person.role?.type !== 'authenticated') return;
      await users().update({ where: { id: person.id }, data: { role: await roleId(EDITOR_ROLE) } });
    },
  };
};
