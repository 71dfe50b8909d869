import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { dedupeKeyOf, messageIdOf, type Language, type MailKind, type Outbox, type OutboxMail, type SendOutcome } from '@buurtplein/plugin-kit';
import { createMessagesRepository, type MessageRow } from '../repositories/messages';
import { createUnsubscribesRepository } from '../repositories/unsubscribes';
import { createUnsubscribeToken } from '../utils/unsubscribe-token';
import { pluginConfig } from '../utils/plugin-config';
import type { OutboxOverview, RetryOutcome } from '../../../shared/overview';

/** Checks the service against the kit's contract (what other plugins see) and keeps its staff-only methods typed. */
const implementsOutbox = <T extends Outbox>(service: T) => service;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const languageOf = (value: unknown): Language => (value === 'en' ? 'en' : 'nl');
/** Where hard bounces are kept: a list of its own in the unsubscribes, which no plugin's list id can be. */
export const BOUNCED = '*bounced';
/** SMTP 5xx: the mail server refused for good (no such mailbox); trying again changes nothing. */
const isHardBounce = (error: unknown) => {
  const code = Number((error as { responseCode?: unknown }).responseCode);
  return code >= 500 && code < 600;
};
/** Mail a person chose (a list, or a plugin's own subscriptions), which stops at an unsubscribe or a bounce. */
const isChosen = (kind: MailKind<any>) => Boolean(kind.list || kind.unsubscribeUrl);

/**
 * Mail that must go exactly once. A plugin registers its kinds of mail at
 * bootstrap and hands each mail to `send`; the send log (repositories/
 * messages) makes one process send it, SMTP failures are retried with
 * backoff, and what still fails waits in a list staff can retry from.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const kinds = new Map<string, MailKind<any>>();
  // Deliveries under way, so a shutdown can let them finish: a mail the SMTP server took but
  // the send log never marked would be sent again by another instance once its lease is over.
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const config = () => pluginConfig(strapi);
  const messages = () => createMessagesRepository(strapi);
  const unsubscribes = () => createUnsubscribesRepository(strapi);

  const unsubscribeUrl = (list: string, email: string, language: Language) =>
    `${config().publicUrl.replace(/\/+$/, '')}/api/outbox/unsubscribe?token=${createUnsubscribeToken(config().secret, { list, email, language })}`;

  /** RFC 8058: a mail client may offer "unsubscribe" and POST to the link itself, without opening a page. */
  const listHeaders = (url: string) => ({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

  /** The owning plugin's follow-up; the mail is out, so a failure here is logged, not retried. */
  async function afterSent(kind: MailKind<any>, row: Pick<MessageRow, 'kind' | 'ref' | 'round' | 'recipient' | 'language'>) {
    try {
      await kind.onSent?.({ ref: row.ref, round: row.round, to: row.recipient, language: languageOf(row.language) });
    } catch (error) {
      strapi.log.error(`[outbox] ${row.kind}: onSent failed: ${(error as Error).message}`);
    }
  }

  /** Tries a held row up to `attempts` times; the row ends sent or failed. Callers looked the kind up already. */
  async function deliver(kind: MailKind<any>, row: Pick<MessageRow, 'id' | 'kind' | 'ref' | 'round' | 'recipient' | 'language' | 'payload' | 'messageId'>): Promise<'sent' | 'failed'> {
    const { attempts, backoffMs } = config();
    const language = languageOf(row.language);
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      // Shutting down: no new try; failed, the row is the next instance's to take at once.
      if (attempt > 1 && closing) {
        lastError = `${lastError} (not tried again: the server was shutting down)`;
        break;
      }
      // Claiming the row counted the first try.
      if (attempt > 1) await messages().attempted(row.id);
      try {
        const url = kind.list ? unsubscribeUrl(kind.list.id, row.recipient, language) : kind.unsubscribeUrl?.(row.payload, { email: row.recipient, language });
        const mail = await kind.compose(row.payload, { email: row.recipient, language, unsubscribeUrl: url });
        await strapi.plugin('email').service('email').send({ to: row.recipient, ...mail, messageId: row.messageId, ...(url ? { headers: listHeaders(url) } : {}) });
        await messages().markSent(row.id);
        await afterSent(kind, row);
        return 'sent';
      } catch (error) {
        lastError = (error as Error).message;
        if (isHardBounce(error)) {
          await unsubscribes().add(BOUNCED, row.recipient);
          break;
        }
        if (attempt < attempts) await sleep(backoffMs * 4 ** (attempt - 1));
      }
    }
    await messages().markFailed(row.id, lastError);
    strapi.log.warn(`[outbox] ${row.kind} to ${row.recipient}: gave up after ${attempts} tries: ${lastError}`);
    return 'failed';
  }

  async function tracked<T>(delivery: Promise<T>): Promise<T> {
    inFlight.add(delivery);
    try {
      return await delivery;
    } finally {
      inFlight.delete(delivery);
    }
  }

  const refuseWhenClosing = () => {
    if (closing) throw new errors.ApplicationError('[outbox] the server is shutting down: no new mail is sent from it; try again in a moment', { reason: 'shutting_down' });
  };

  return implementsOutbox({
    registerKind<P>(kind: string, definition: MailKind<P>) {
      kinds.set(kind, definition);
    },

    async send<P>(mail: OutboxMail<P>): Promise<SendOutcome> {
      const kind = kinds.get(mail.kind);
      if (!kind) throw new Error(`[outbox] no plugin registered the mail kind "${mail.kind}"`);
      refuseWhenClosing();
      if (isChosen(kind) && (await unsubscribes().onAny(kind.list ? [kind.list.id, BOUNCED] : [BOUNCED], mail.to))) return 'unsubscribed';
      const dedupeKey = dedupeKeyOf(mail);
      const message = {
        dedupeKey,
        kind: mail.kind,
        ref: mail.ref,
        round: mail.round ?? null,
        recipient: mail.to,
        language: languageOf(mail.language),
        payload: mail.payload,
        messageId: messageIdOf(dedupeKey, config().messageIdDomain),
      };
      const id = await messages().claim(message, config().leaseMinutes);
      if (id === null) return 'already';
      return tracked(deliver(kind, { id, ...message }));
    },

    async handled(kind: string, refs: string[], round?: string) {
      const keys = new Map(refs.map((ref) => [dedupeKeyOf({ kind, ref, round }), ref]));
      const done = await messages().handled([...keys.keys()], config().leaseMinutes);
      return new Set([...done].map((key) => keys.get(key)!));
    },

    failures: (kind: string, round?: string) => messages().failed(500, round === undefined ? { kind } : { kind, round }),

    roundCounts: (kind: string, rounds: string[]) => messages().counts('round', { kind, rounds }),

    /** Staff's "try again" on a failed mail: composed anew (fresh links), same Message-ID. */
    async retry(id: number): Promise<RetryOutcome> {
      const row = await messages().find(id);
      if (!row) throw new errors.NotFoundError('No outbox message with this id');
      const kind = kinds.get(row.kind);
      if (!kind) throw new errors.ApplicationError(`No plugin sends "${row.kind}" mail any more`, { reason: 'unknown_kind' });
      refuseWhenClosing();
      if (!(await messages().claimFailed(id))) throw new errors.ApplicationError(`This mail is ${row.status}, not failed`, { reason: 'not_failed', status: row.status });
      return tracked(deliver(kind, row));
    },

    /**
     * At shutdown (the plugin's destroy, before the database closes): claim nothing new, and
     * wait up to `timeoutMs` for the mails being sent to be sent and recorded.
     */
    async drain(timeoutMs: number): Promise<{ unfinished: number }> {
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
      if (inFlight.size) strapi.log.warn(`[outbox] shut down with ${inFlight.size} mail(s) still being sent: another instance sends them once their lease is over`);
      return { unfinished: inFlight.size };
    },

    async overview(limit = 100): Promise<OutboxOverview> {
      const [perKind, failed, unsubscribed] = await Promise.all([messages().counts('kind'), messages().failed(limit), unsubscribes().countsPerList()]);
      const lists = [...kinds.values()].flatMap((k) => (k.list ? [k.list] : []));
      return {
        kinds: Object.entries(perKind).map(([kind, counts]) => ({ kind, label: kinds.get(kind)?.label ?? { nl: kind, en: kind }, ...counts })),
        failed,
        lists: [...new Map(lists.map((l) => [l.id, { ...l, unsubscribed: unsubscribed[l.id] ?? 0 }])).values()],
      };
    },

    /** The list's name for the unsubscribe page, when a plugin still sends on it. */
    listName(list: string, language: Language): string | null {
      for (const kind of kinds.values()) if (kind.list?.id === list) return kind.list.name[language];
      return null;
    },

    unsubscribe: (list: string, email: string) => unsubscribes().add(list, email),

    async forgetBounce(email: string) {
      await unsubscribes().remove(BOUNCED, email);
    },
  });
};
