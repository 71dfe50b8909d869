import type { Core } from '@strapi/strapi';

type Recipient = { email: string; language?: 'nl' | 'en' };

/**
 * Who hears that an activity is about to expire: its organisation's editors
 * (in their own language) and the organisation's reminder address. The
 * content-expiry plugin asks; only the app knows this data model.
 */
export async function activityOwners({ strapi, documentId }: { strapi: unknown; uid: string; documentId: string }): Promise<Recipient[]> {
  const s = strapi as Core.Strapi;
  const activity = await s.db.query('api::activity.activity').findOne({
    where: { documentId, publishedAt: null },
    populate: { organisation: { select: ['reminderEmail'], populate: { members: { select: ['email', 'language'] } } } },
  });
  const organisation = activity?.organisation;
  if (!organisation) return [];
  const recipients: Recipient[] = [
    ...organisation.members.map((m: { email: string; language?: 'nl' | 'en' }) => ({ email: m.email, language: m.language })),
    ...(organisation.reminderEmail ? [{ email: organisation.reminderEmail, language: 'nl' as const }] : []),
  ];
  return [...new Map(recipients.map((r) => [r.email.toLowerCase(), r])).values()];
}
