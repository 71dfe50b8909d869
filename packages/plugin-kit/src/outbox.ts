import type { Core } from '@strapi/strapi';
import type { Language } from './contracts';

/** A mail as the email plugin sends it. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  /** E.g. an enrolment's .ics, made anew with the mail on every try. */
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** Who a mail is composed for. `unsubscribeUrl` is set for a kind on a list: the page where they leave it. */
export interface MailAddressee {
  email: string;
  language: Language;
  unsubscribeUrl?: string;
}

/**
 * One kind of mail the outbox sends, registered by the plugin that owns it.
 * `compose` runs at send time, and again on every retry: links and tokens are
 * made fresh, so the outbox stores only the payload, never a login link.
 */
export interface MailKind<P = unknown> {
  /** What staff read in the outbox page: "Expiry warning". */
  label: Record<Language, string>;
  compose(payload: P, to: MailAddressee): Promise<ComposedMail>;
  /** Mails a person chose to get and may stop with one click (RFC 8058 List-Unsubscribe); absent for service mail. */
  list?: { id: string; name: Record<Language, string> };
  /**
   * For mail a person chose whose subscriptions the owning plugin keeps
   * itself (follows): its own one-click address, put in the same RFC 8058
   * headers and in `to.unsubscribeUrl`. Like a list's mail, it is not sent to
   * an address that bounced.
   */
  unsubscribeUrl?(payload: P, to: { email: string; language: Language }): string;
  /** After the mail server took the mail, also when staff retried it from the outbox page. */
  onSent?(mail: { ref: string; round: string | null; to: string; language: Language }): Promise<void>;
}

/**
 * One mail that must go exactly once: (kind, ref, round) is its identity.
 * E.g. a reminder is (listing-reminders.reminder, organisation, 2026-Q4); a
 * warning to several owners puts the address in `round`.
 */
export interface OutboxMail<P = unknown> {
  kind: string;
  ref: string;
  round?: string;
  to: string;
  language?: Language;
  payload: P;
}

/** sent; failed after the last try (listed for staff); already sent or being sent elsewhere; or the person left the list (or the address bounced). */
export type SendOutcome = 'sent' | 'failed' | 'already' | 'unsubscribed';

/** A mail that failed after its last try; `ref` is what it is about (an organisation's or item's documentId). */
export interface OutboxFailure {
  id: number;
  kind: string;
  ref: string;
  round: string | null;
  recipient: string;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

export interface RoundCounts {
  sent: number;
  failed: number;
  sending: number;
}

export interface Outbox {
  registerKind<P>(kind: string, definition: MailKind<P>): void;
  send<P>(mail: OutboxMail<P>): Promise<SendOutcome>;
  /** Of these refs, the ones whose mail of this kind and round is sent or being sent now (within the lease): a dry run leaves them out. */
  handled(kind: string, refs: string[], round?: string): Promise<Set<string>>;
  /** Mails of this kind that failed after their last try, newest first; of one round when given. */
  failures(kind: string, round?: string): Promise<OutboxFailure[]>;
  /** Per round: how many mails of this kind are sent, failed and being sent. */
  roundCounts(kind: string, rounds: string[]): Promise<Record<string, RoundCounts>>;
  /** The address works again (its owner just confirmed something from it): chosen mail goes to it again after a hard bounce. */
  forgetBounce(email: string): Promise<void>;
}

/** The outbox plugin's service, or a start-up error that says which plugin needs it. */
export function outboxOf(strapi: Core.Strapi, neededBy: string): Outbox {
  const plugin = strapi.plugin('outbox');
  if (!plugin) throw new Error(`[${neededBy}] sends its mail through the outbox plugin: enable "outbox" in config/plugins.ts`);
  return plugin.service('outbox') as unknown as Outbox;
}
