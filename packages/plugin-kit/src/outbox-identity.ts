import crypto from 'node:crypto';
import type { OutboxMail } from './outbox';

/**
 * A mail's identity as one fixed-length key: (kind, ref, round) may hold an
 * address and would not fit a unique index on MySQL's 255 characters. JSON
 * keeps ("a:b", "c") and ("a", "b:c") apart.
 */
export const dedupeKeyOf = ({ kind, ref, round }: Pick<OutboxMail, 'kind' | 'ref' | 'round'>) =>
  crypto.createHash('sha256').update(JSON.stringify([kind, ref, round ?? null])).digest('hex');

/** The same Message-ID on every try, so a mail system drops the rare duplicate of a send whose answer was lost. */
export const messageIdOf = (dedupeKey: string, domain: string) => `<${dedupeKey.slice(0, 40)}@${domain}>`;
