import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden } from '../../../lib/errors';
import { languageOf, sendLater, sendMail, type Language } from '../../../mail';
import { signUpForStaffMail, signUpReceivedMail } from '../../../mail/templates';
import { uniqueSlug } from '../../../lib/unique-slug';
import { settings } from '../../../lib/settings';
import { coded } from '../../../lib/error-codes';

const ORG = 'api::organisation.organisation';

export interface SignUp {
  organisation: Record<string, unknown> & { name: string; categories?: string[]; neighbourhoods?: string[] };
  contactEmail: string;
  language?: Language;
}

/**
 * A new organisation: saved as a pending draft that only staff can publish,
 * with the person who signed up as its first editor. Their mail carries a
 * login link, so they can prepare activities while staff review.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const people = () => strapi.service('api::account.people') as any;

  async function assertPublished(uid: string, ids: string[] | undefined, field: string) {
    if (!ids?.length) return;
    const found = await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] });
    const known = new Set(found.map((r: { documentId: string }) => r.documentId));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new errors.ValidationError(`Unknown ${field}: ${unknown.join(', ')}`, { field, unknown });
  }

  return {
    async signUp({ organisation, contactEmail, language: requested }: SignUp) {
      await assertPublished('api::category.category', organisation.categories, 'categories');
      await assertPublished('api::neighbourhood.neighbourhood', organisation.neighbourhoods, 'neighbourhoods');
      const language = languageOf(requested);
      const person = (await people().findByEmail(contactEmail)) ?? (await people().create(contactEmail, language, { confirmed: false }));
      if (person.blocked) throw forbidden('This account has been blocked by an administrator', coded('account.blocked'));

      const created = await strapi.documents(ORG).create({
        data: {
          ...organisation,
          slug: await uniqueSlug(strapi, ORG, organisation.name),
          approvalStatus: 'pending',
          preferredLanguage: language,
          members: [person.id],
          lastConfirmedAt: new Date(),
        },
        locale: 'nl',
        status: 'draft',
      } as any);
      await people().makeEditor(person);

      sendLater(strapi, 'sign-up confirmation', async () => {
        const link = await strapi.service('api::account.magic-link').manageLink(person.email, language);
        await sendMail(strapi, person.email, signUpReceivedMail(language, { link }));
        const staff = settings(strapi).staffEmails;
        if (staff.length) await sendMail(strapi, staff, signUpForStaffMail('nl', { organisation: organisation.name, contactEmail: person.email }));
      });
      return { documentId: created!.documentId, name: created!.name, slug: created!.slug, approvalStatus: 'pending' };
    },
  };
};
