import type { Core } from '@strapi/strapi';
import type { ReminderRecipient, RunResult } from '../../../shared/run';
import { createSendLogRepository } from '../repositories/send-log';
import { createConfirmToken } from '../utils/confirm-token';
import { pluginConfig } from '../utils/plugin-config';
import { serviceOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import type templateService from './templates';
import type { Language } from '../templates/defaults';

export interface RunOptions {
  period: string;
  trigger: 'schedule' | 'cli' | 'admin';
  dryRun?: boolean;
  slot?: string | null;
  log?: (line: string) => void;
}

export type { RunResult };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const formatDate = (value: unknown, language: Language) =>
  value ? new Date(value as string).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }) : '';

/**
 * The quarterly run: every approved organisation with a reminder address gets
 * one mail per period. Claims in the send log make it exactly once across
 * crashes and parallel runs; SMTP failures are retried with backoff and, after
 * the last try, recorded for staff.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const templateTexts = () => serviceOf<typeof templateService>(strapi, PLUGIN_ID, 'templates');
  const log = () => createSendLogRepository(strapi);

  /** Approved, published organisations with a reminder address, a page at a time (by row id). */
  async function* recipients(): AsyncGenerator<ReminderRecipient[]> {
    const { organisationUid, batchSize } = config();
    for (let after = 0; ; ) {
      const rows = await strapi.db.query(organisationUid as any).findMany({
        where: { id: { $gt: after }, publishedAt: { $notNull: true }, approvalStatus: 'approved', reminderEmail: { $notNull: true }, archivedAt: null, locale: config().defaultLocale },
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
    async compose(recipient: ReminderRecipient, period: string, template: { subject: string; body: string }) {
      const { publicUrl, secret, loginLink } = config();
      const confirmLink = `${publicUrl.replace(/\/+$/, '')}/api/listing-reminders/confirm?token=${createConfirmToken(secret, recipient.documentId, period)}`;
      const editLink = loginLink ? await loginLink({ strapi, email: recipient.email, organisation: recipient.documentId, language: recipient.language }) : publicUrl;
      const { summary, activities } = await summaryOf(recipient.documentId, recipient.language);
      return templateTexts().render(template, { organisation: recipient.name, period, summary, activities, confirmLink, editLink });
    },

    async run({ period, trigger, dryRun = false, slot = null, log: say = () => undefined }: RunOptions): Promise<RunResult> {
      const started = Date.now();
      const { leaseMinutes, concurrency, attempts, backoffMs } = config();
      const result: RunResult = { runId: null, status: 'succeeded', period, dryRun, sent: 0, failed: 0, skipped: 0, durationMs: 0 };
      if (dryRun) {
        result.recipients = [];
        result.wouldSend = 0;
        for await (const page of recipients()) {
          const done = await log().done(period, page.map((r) => r.documentId), leaseMinutes);
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

      // Read once per run, not once per mail.
      const templates = { nl: await templateTexts().get('nl'), en: await templateTexts().get('en') };
      const sendOne = async (recipient: ReminderRecipient) => {
        if (!(await log().claim({ organisation: recipient.documentId, period, email: recipient.email, language: recipient.language, runId }, leaseMinutes))) {
          result.skipped += 1;
          return;
        }
        let lastError = '';
        for (let attempt = 1; attempt <= attempts; attempt++) {
          // The claim counted the first attempt.
          if (attempt > 1) await log().attempted(recipient.documentId, period);
          try {
            const mail = await this.compose(recipient, period, templates[recipient.language]);
            // The same Message-ID for the same organisation and period lets mail systems drop a rare duplicate.
            await strapi.plugin('email').service('email').send({ to: recipient.email, ...mail, messageId: `<reminder-${recipient.documentId}-${period}@buurtplein>` });
            await log().markSent(recipient.documentId, period);
            result.sent += 1;
            return;
          } catch (error) {
            lastError = (error as Error).message;
            if (attempt < attempts) await sleep(backoffMs * 4 ** (attempt - 1));
          }
        }
        await log().markFailed(recipient.documentId, period, lastError);
        result.failed += 1;
        strapi.log.warn(`[listing-reminders] ${recipient.email}: gave up after ${attempts} tries: ${lastError}`);
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
      await log().finishRun(runId, result.status === 'failed' ? 'failed' : 'succeeded', { sent: result.sent, failed: result.failed, skipped: result.skipped });
      result.durationMs = Date.now() - started;
      return result;
    },
  };
};
