import type { OwnersOf, Recipient } from '@buurtplein/plugin-kit';

/**
 * Who hears that an activity is about to expire: its organisation's editors
 * (in their own language) and the organisation's reminder address. The
 * content-expiry plugin asks; only the app knows this data model.
 */
export const activityOwners: OwnersOf = async ({ strapi, documentId }) => {
  const activity = await strapi.db.query('api::activity.activity').findOne({
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
};
