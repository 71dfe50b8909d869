import type { Core } from '@strapi/strapi';
import type { ReminderRecipient, RunResult } from '../../../shared/run';
import { createSendLogRepository } from '../repositories/send-log';
import { createConfirmToken } from '../utils/confirm-token';
import { pluginConfig } from '../utils/plugin-config';
import { outboxOf, publicRule, serviceOf, type MailKind } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import type templateService from './templates';
import { reachSentence, type Language } from '../templates/defaults';

export interface RunOptions {
  period: string;
  trigger: 'schedule' | 'cli' | 'admin';
  dryRun?: boolean;
  slot?: string | null;
  log?: (line: string) => void;
}

export type { RunResult };

/** The reminder as the outbox knows it: (kind, organisation, period) is one mail. */
export const REMINDER_KIND = 'listing-reminders.reminder';
/** Names no secret: the confirm and login links are made at send time. */
interface ReminderPayload {
  organisation: string;
  name: string;
  period: string;
}
const formatDate = (value: unknown, language: Language) =>
  value ? new Date(value as string).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }) : '';

/**
 * The quarterly run: every approved organisation with a reminder address gets
 * one mail per period. The outbox makes it exactly once across crashes and
 * parallel runs, retries SMTP failures with backoff and keeps what still
 * fails for staff; the send log records who was reminded and who confirmed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const templateTexts = () => serviceOf<typeof templateService>(strapi, PLUGIN_ID, 'templates');
  const log = () => createSendLogRepository(strapi);
  const outbox = () => outboxOf(strapi, PLUGIN_ID);
  /** The texts read once when a run starts; a mail composed outside a run (a retry from the outbox page) reads them fresh. */
  let runTemplates: Partial<Record<Language, { subject: string; body: string }>> = {};

  /** Approved, published organisations with a reminder address, a page at a time (by row id). */
  async function* recipients(): AsyncGenerator<ReminderRecipient[]> {
    const { organisationUid, batchSize } = config();
    for (let after = 0; ; ) {
      const rows = await strapi.db.query(organisationUid as any).findMany({
        where: { id: { $gt: after }, ...publicRule(strapi, organisationUid).where, approvalStatus: 'approved', reminderEmail: { $notNull: true }, locale: config().defaultLocale },
        select: ['id', 'documentId', 'name', 'reminderEmail', 'preferredLanguage'],
        orderBy: { id: 'asc' },
        limit: batchSize,
      });
      if (!rows.length) return;
      after = rows[rows.length - 1].id;
      yield rows.map((r: any) => ({ documentId: r.documentId, name: r.name, email: r.reminderEmail, language: r.preferredLanguage === 'en' ? 'en' : 'nl' }));
    }
  }

  async function summaryOf(documentId: string, language: Language) {
    const { organisationUid, activityUid } = config();
    const org = await strapi.db.query(organisationUid as any).findOne({
      where: { documentId, publishedAt: { $notNull: true }, locale: language },
      populate: { categories: { select: ['name'] } },
    }) ?? (await strapi.db.query(organisationUid as any).findOne({ where: { documentId, publishedAt: { $notNull: true } }, populate: { categories: { select: ['name'] } } }));
    const lines = [
      org.name,
      [org.address, [org.postalCode, org.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
      org.phone,
      org.email,
      org.website,
      (org.categories ?? []).map((c: { name: string }) => c.name).join(', '),
    ].filter(Boolean);
    const activities = await strapi.db.query(activityUid as any).findMany({
      where: { organisation: { documentId }, publishedAt: { $notNull: true }, locale: config().defaultLocale, $or: [{ startsAt: { $gte: new Date() } }, { recurrence: { $notNull: true } }] },
      select: ['title', 'startsAt', 'recurrence'],
      orderBy: { startsAt: 'asc' },
      limit: 5,
    });
    const none = language === 'nl' ? '(geen geplande activiteiten)' : '(no activities planned)';
    const repeats = language === 'nl' ? 'herhaalt' : 'repeats';
    return {
      summary: lines.map((l) => `- ${l}`).join('\n'),
      activities: activities.length
        ? activities.map((a: any) => `- ${a.title}${a.startsAt ? `, ${formatDate(a.startsAt, language)}` : ''}${a.recurrence ? ` (${repeats})` : ''}`).join('\n')
        : none,
    };
  }

  return {
    recipients,

    /** The mail one organisation gets for a period, from the template of its language. */
    async compose(recipient: ReminderRecipient, period: string) {
      const template = runTemplates[recipient.language] ?? (await templateTexts().get(recipient.language));
      const { publicUrl, secret, loginLink, reachOf, formOfAddress } = config();
      const confirmLink = `${publicUrl.replace(/\/+$/, '')}/api/listing-reminders/confirm?token=${createConfirmToken(secret, recipient.documentId, period)}`;
      const editLink = loginLink ? await loginLink({ strapi, email: recipient.email, organisation: recipient.documentId, language: recipient.language }) : publicUrl;
      const { summary, activities } = await summaryOf(recipient.documentId, recipient.language);
      const views = reachOf ? await reachOf({ strapi, organisation: recipient.documentId }) : null;
      const reach = views === null ? '' : reachSentence(recipient.language, views, formOfAddress);
      return templateTexts().render(template, { organisation: recipient.name, period, summary, activities, confirmLink, editLink, reach });
    },

    /** Registered with the outbox at bootstrap: composed at send time (fresh login link), recorded as sent when the mail server took it. */
    mailKind(): MailKind<ReminderPayload> {
      return {
        label: { nl: 'Kwartaalherinnering vermelding', en: 'Quarterly listing reminder' },
        compose: ({ organisation, name, period }, to) => this.compose({ documentId: organisation, name, email: to.email, language: to.language }, period),
        onSent: ({ ref, round, to, language }) => log().recordSent({ organisation: ref, period: round!, email: to, language }),
      };
    },

    async run({ period, trigger, dryRun = false, slot = null, log: say = () => undefined }: RunOptions): Promise<RunResult> {
      const started = Date.now();
      const { concurrency } = config();
      const result: RunResult = { runId: null, status: 'succeeded', period, dryRun, sent: 0, failed: 0, skipped: 0, durationMs: 0 };
      if (dryRun) {
        result.recipients = [];
        result.wouldSend = 0;
        for await (const page of recipients()) {
          const done = await outbox().handled(REMINDER_KIND, page.map((r) => r.documentId), period);
          const todo = page.filter((r) => !done.has(r.documentId));
          result.wouldSend += todo.length;
          result.skipped += page.length - todo.length;
          result.recipients.push(...todo.slice(0, 200 - result.recipients.length));
        }
        result.durationMs = Date.now() - started;
        return result;
      }

      const runId = await log().startRun(period, trigger, slot);
      if (runId === null) {
        say(`[listing-reminders] slot ${slot} already ran on another instance; skipping`);
        return { ...result, status: 'skipped', durationMs: Date.now() - started };
      }
      result.runId = runId;
      runTemplates = { nl: await templateTexts().get('nl'), en: await templateTexts().get('en') };

      const sendOne = async (recipient: ReminderRecipient) => {
        const outcome = await outbox().send<ReminderPayload>({
          kind: REMINDER_KIND,
          ref: recipient.documentId,
          round: period,
          to: recipient.email,
          language: recipient.language,
          payload: { organisation: recipient.documentId, name: recipient.name, period },
        });
        if (outcome === 'sent') result.sent += 1;
        else if (outcome === 'failed') result.failed += 1;
        else result.skipped += 1;
      };

      try {
        for await (const page of recipients()) {
          for (let i = 0; i < page.length; i += concurrency) {
            await Promise.all(page.slice(i, i + concurrency).map(sendOne));
          }
          say(`[listing-reminders] ${period}: ${result.sent} sent, ${result.failed} failed, ${result.skipped} already done`);
        }
      } catch (error) {
        result.status = 'failed';
        strapi.log.error(`[listing-reminders] run ${runId} stopped: ${(error as Error).message}`);
      }
      runTemplates = {};
      await log().finishRun(runId, result.status === 'failed' ? 'failed' : 'succeeded', { sent: result.sent, failed: result.failed, skipped: result.skipped });
      result.durationMs = Date.now() - started;
      return result;
    },
  };
};
