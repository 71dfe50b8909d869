import type { Core } from '@strapi/strapi';
import { frontendLink, languageOf, sendLater, sendMail } from '../mail';
import { organisationApprovedMail } from '../mail/templates';
import { registerStaffRoutes } from '../lib/staff-routes';

const ORG = 'api::organisation.organisation';

/**
 * Staff approve a signed-up organisation with the "Approve" button (or by
 * publishing it). That moment flips approvalStatus to approved and mails its
 * editors and its reminder address, once.
 */
export function registerOrganisationApproval(strapi: Core.Strapi) {
  // The admin panel's "Approve" button (src/admin/approve-action.tsx): publishing in one step, with what it does said in words.
  registerStaffRoutes(strapi, 'api::organisation.approval', [['POST', '/organisations/:documentId/approve', 'approve']]);
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ORG || context.action !== 'publish') return next();
    const { documentId } = context.params as { documentId: string };
    const pending = await strapi.db.query(ORG).findOne({
      where: { documentId, publishedAt: null, approvalStatus: 'pending' },
      select: ['name', 'reminderEmail'],
      populate: { members: { select: ['email', 'language'] } },
    });
    const result = await next();
    if (!pending) return result;
    const { count } = await strapi.db.query(ORG).updateMany({ where: { documentId, approvalStatus: 'pending' }, data: { approvalStatus: 'approved' } });
    if (count === 0) return result; // someone else approved it at the same moment and sends the mail
    sendLater(strapi, 'approval mail', async () => {
      const link = frontendLink(strapi, '/login');
      const recipients = [...pending.members, ...(pending.reminderEmail ? [{ email: pending.reminderEmail }] : [])];
      const unique = [...new Map(recipients.map((r: { email: string; language?: string }) => [r.email, r])).values()];
      for (const recipient of unique) {
        await sendMail(strapi, recipient.email, organisationApprovedMail(languageOf(recipient.language), { organisation: pending.name, link }));
      }
    });
    return result;
  });
}
