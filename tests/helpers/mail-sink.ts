import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A mail as the sink received it. */
export interface ReceivedMail {
  /** Every envelope recipient (To, Cc and Bcc alike), lower-cased addresses. */
  to: string[];
  /** Address in the From header (the envelope sender if there is none), lower-cased. */
  from: string;
  subject: string;
  text: string;
  /** '' for a text-only mail. */
  html: string;
  headers: ParsedMail['headers'];
  /** Everything else mailparser found (attachments, cc, reply-to, ...). */
  parsed: ParsedMail;
}

export type MailMatcher = ((mail: ReceivedMail) => boolean) | { to?: string; subject?: RegExp };

export interface MailSink {
  /** Mails received so far, oldest first. */
  readonly messages: ReceivedMail[];
  readonly port: number;
  clear(): void;
  /** The first mail, received already or later, that matches; rejects after timeoutMs. */
  waitFor(match: MailMatcher, timeoutMs?: number): Promise<ReceivedMail>;
  linksIn(mail: ReceivedMail): string[];
  /**
   * The next n mails are refused at RCPT TO (all their recipients) with the
   * temporary SMTP error `code`. Not 421: the server then drops the connection,
   * and the client sees "Connection closed unexpectedly" instead of the code.
   */
  failNext(n: number, code?: number): void;
  /** Every mail to this address is refused for good at RCPT TO (SMTP 550, "no such mailbox"): a hard bounce. */
  refuseAddress(address: string): void;
  stop(): Promise<void>;
}

// Trailing punctuation belongs to the sentence around a link, not to the link.
const URL_RE = /https?:\/\/[^\s<>"'`]+/g;
const trimLink = (link: string) => link.replace(/[.,;:!?)\]}]+$/, '');

export function linksIn(mail: Pick<ReceivedMail, 'text' | 'html'>): string[] {
  const source = mail.text || mail.html.replace(/&amp;/g, '&');
  return [...new Set((source.match(URL_RE) ?? []).map(trimLink))];
}

const toPredicate = (match: MailMatcher): ((mail: ReceivedMail) => boolean) => {
  if (typeof match === 'function') return match;
  const to = match.to?.toLowerCase();
  return (mail) => (!to || mail.to.includes(to)) && (!match.subject || match.subject.test(mail.subject));
};

const describeMatch = (match: MailMatcher) =>
  typeof match === 'function' ? 'the predicate' : JSON.stringify({ to: match.to, subject: match.subject?.toString() });

const firstAddress = (parsed: ParsedMail) => parsed.from?.value[0]?.address;

/**
 * A real SMTP server on 127.0.0.1 for tests: point SMTP_HOST/SMTP_PORT at it
 * and the app sends through the same nodemailer provider as in production.
 */
export async function startMailSink(): Promise<MailSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<{ test: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }>();
  let failures = 0;
  let failureCode = 451;
  // A mail picked to fail is refused for all its recipients, so the client
  // sees one failed mail rather than a partial delivery.
  const failingSessions = new Set<string>();
  const refused = new Set<string>();

  const server = new SMTPServer({
    authOptional: true,
    // Without TLS certificates STARTTLS cannot work; the AUTH of a client
    // configured with credentials must still pass over the plain connection.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    // Short grace period so stop() is quick with a pooled client still connected.
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      failingSessions.delete(session.id);
      if (failures > 0) {
        failures -= 1;
        failingSessions.add(session.id);
      }
      callback();
    },
    onRcptTo(address, session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error('No such mailbox here (mail sink refuseAddress)'), { responseCode: 550 }));
      }
      if (!failingSessions.has(session.id)) return callback();
      const error = new Error('Temporary failure, try again later (mail sink failNext)') as Error & { responseCode: number };
      error.responseCode = failureCode;
      callback(error);
    },
    onClose(session) {
      failingSessions.delete(session.id);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            from: (firstAddress(parsed) || (session.envelope.mailFrom ? session.envelope.mailFrom.address : '')).toLowerCase(),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html,
            headers: parsed.headers,
            parsed,
          };
          messages.push(mail);
          for (const waiter of waiters) if (waiter.test(mail)) waiter.resolve(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A broken client connection must not crash the test process.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;

  return {
    messages,
    port,
    clear() {
      messages.length = 0;
    },
    waitFor(match, timeoutMs = 5000) {
      const test = toPredicate(match);
      const found = messages.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          test,
          resolve: (mail: ReceivedMail) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const received = messages.map((mail) => `"${mail.subject}" to ${mail.to.join(', ')}`);
          reject(
            new Error(
              `mail sink: no mail matching ${describeMatch(match)} within ${timeoutMs} ms; ` +
                (received.length ? `received: ${received.join('; ')}` : 'no mail received')
            )
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    linksIn,
    failNext(n, code = 451) {
      failures = n;
      failureCode = code;
    },
    refuseAddress(address) {
      refused.add(address.toLowerCase());
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
