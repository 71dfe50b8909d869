import { dedupeKeyOf, messageIdOf } from '@buurtplein/plugin-kit';
import { adminToken, removeAdmins } from '../../../../../tests/helpers/admin';
import { api, unique } from '../../../../../tests/helpers/fixtures';
import type { ReceivedMail } from '../../../../../tests/helpers/mail-sink';
import { mailSink, strapi } from '../../../../../tests/helpers/strapi';
import { createConfirmToken } from '../../../../listing-reminders/server/src/utils/confirm-token';
import { createUnsubscribeToken } from '../utils/unsubscribe-token';
import configDefinition from '../config';
import createOutboxService from '../services/outbox';

const MESSAGE = 'plugin::outbox.message';
/** A newsletter-like kind (on a list a person may leave) and a service mail, registered like a plugin does. */
const NEWS = 'outbox-test.news';
const SERVICE = 'outbox-test.service';
const composed: string[] = [];

const outbox = () => strapi().plugin('outbox').service('outbox');
const config = () => strapi().config.get('plugin::outbox') as any;
const address = () => `${unique('ontvanger')}@buurt.example`;
const mailsTo = (email: string) => mailSink().messages.filter((m) => m.to.includes(email.toLowerCase()));
const news = (to: string, ref = unique('nieuws'), payload: Record<string, unknown> = { title: 'Buurtnieuws' }) => ({ kind: NEWS, ref, round: '2026-12', to, language: 'nl' as const, payload });
const withConfig = async (patch: Record<string, unknown>, run: () => Promise<void>) => {
  const saved = config();
  strapi().config.set('plugin::outbox', { ...saved, ...patch });
  try {
    await run();
  } finally {
    strapi().config.set('plugin::outbox', saved);
  }
};
/** A header as it stands in the mail (mailparser folds the List-* headers into one parsed object). */
const headerLine = (mail: ReceivedMail, key: string) => mail.parsed.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n/g, '');
const unsubscribeLinkIn = (text: string) => new URL(text.match(/https?:\/\/\S+\/api\/outbox\/unsubscribe\?token=\S+/)![0]);

beforeAll(() => {
  outbox().registerKind(NEWS, {
    label: { nl: 'Buurtnieuws (test)', en: 'Neighbourhood news (test)' },
    list: { id: 'outbox-test-news', name: { nl: 'het buurtnieuws', en: 'the neighbourhood news' } },
    async compose(payload: { title: string }, to: { email: string; language: string; unsubscribeUrl?: string }) {
      composed.push(to.email);
      return { subject: `${payload.title} (${to.language})`, text: `Nieuws voor ${to.email}\n\nAfmelden: ${to.unsubscribeUrl}\n`, html: `<p>Nieuws</p>` };
    },
  });
  outbox().registerKind(SERVICE, {
    label: { nl: 'Dienstbericht (test)', en: 'Service message (test)' },
    compose: async (payload: { title: string }) => ({ subject: payload.title, text: 'Dienstbericht\n', html: '<p>Dienstbericht</p>' }),
  });
});

describe('outbox: each mail exactly once', () => {
  it('sends a mail once, with a Message-ID that is the same on every try; a second send of the same mail is "already"', async () => {
    const to = address();
    const mail = news(to);
    expect(await outbox().send(mail)).toBe('sent');
    const received = await mailSink().waitFor({ to, subject: /Buurtnieuws \(nl\)/ });
    expect(received.headers.get('message-id')).toBe(messageIdOf(dedupeKeyOf(mail), config().messageIdDomain));
    expect(await outbox().send(mail)).toBe('already');
    // Another round or another ref is another mail.
    expect(await outbox().send({ ...mail, round: '2027-01' })).toBe('sent');
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(to)).toHaveLength(2);
    const row = await strapi().db.query(MESSAGE).findOne({ where: { dedupeKey: dedupeKeyOf(mail) } });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, kind: NEWS, ref: mail.ref, round: '2026-12' });
  });

  it('twenty processes sending the same mail at once: one mail', async () => {
    const to = address();
    const mail = news(to);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => outbox().send(mail)));
    expect(outcomes.filter((o: string) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o: string) => o === 'already')).toHaveLength(19);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('takes over a claim whose process died, but not one that is alive or sent', async () => {
    const [dead, alive, sent] = [address(), address(), address()];
    const old = new Date(Date.now() - 60 * 60_000);
    const leftover = async (to: string, status: string, claimedAt: Date) => {
      const mail = news(to);
      const dedupeKey = dedupeKeyOf(mail);
      await strapi().db.query(MESSAGE).create({ data: { dedupeKey, kind: NEWS, ref: mail.ref, round: mail.round, recipient: to, status, claimedAt, attempts: 1, messageId: messageIdOf(dedupeKey, 'x') } });
      return mail;
    };
    const deadMail = await leftover(dead, 'sending', old);
    const aliveMail = await leftover(alive, 'sending', new Date());
    const sentMail = await leftover(sent, 'sent', old);
    expect(await outbox().handled(NEWS, [deadMail.ref, aliveMail.ref, sentMail.ref], '2026-12')).toEqual(new Set([aliveMail.ref, sentMail.ref]));
    expect(await outbox().send(deadMail)).toBe('sent');
    expect(await outbox().send(aliveMail)).toBe('already');
    expect(await outbox().send(sentMail)).toBe('already');
    await new Promise((r) => setTimeout(r, 200));
    expect([mailsTo(dead).length, mailsTo(alive).length, mailsTo(sent).length]).toEqual([1, 0, 0]);
    expect(await strapi().db.query(MESSAGE).findOne({ where: { dedupeKey: dedupeKeyOf(deadMail) } })).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries an SMTP server that fails twice, with backoff; a mail that keeps failing waits for staff', async () => {
    await withConfig({ attempts: 3, backoffMs: 20 }, async () => {
      const flaky = address();
      mailSink().failNext(2, 451);
      const started = Date.now();
      expect(await outbox().send(news(flaky))).toBe('sent');
      // 20 ms, then 80 ms between the tries.
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(await strapi().db.query(MESSAGE).findOne({ where: { recipient: flaky } })).toMatchObject({ status: 'sent', attempts: 3 });
      expect(mailsTo(flaky)).toHaveLength(1);

      const down = address();
      mailSink().failNext(3, 451);
      expect(await outbox().send(news(down))).toBe('failed');
      const failed = await strapi().db.query(MESSAGE).findOne({ where: { recipient: down } });
      expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
      expect(failed.lastError).toMatch(/451/);
      expect(mailsTo(down)).toHaveLength(0);
    });
  });

  it('a hard bounce (SMTP 5xx) is not retried, and stops chosen mail to that address until it is confirmed to work again', async () => {
    await withConfig({ attempts: 4, backoffMs: 2000 }, async () => {
      const gone = address();
      mailSink().refuseAddress(gone);
      const started = Date.now();
      expect(await outbox().send(news(gone))).toBe('failed');
      // No backoff: a 550 is final.
      expect(Date.now() - started).toBeLessThan(2000);
      const row = await strapi().db.query(MESSAGE).findOne({ where: { recipient: gone } });
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.lastError).toMatch(/550/);

      // Chosen mail (a list) is no longer tried; service mail still is.
      expect(await outbox().send(news(gone))).toBe('unsubscribed');
      expect(await outbox().send(news(gone.toUpperCase()))).toBe('unsubscribed');
      expect(await outbox().send({ kind: SERVICE, ref: unique('dienst'), to: gone, payload: { title: 'Dienst' } })).toBe('failed');
      expect(await strapi().db.query(MESSAGE).count({ where: { recipient: gone } })).toBe(2);

      await outbox().forgetBounce(gone);
      expect(await outbox().send(news(gone))).toBe('failed');
    });
  });

  it('a mail of a kind no plugin registered is refused before anything is stored', async () => {
    const to = address();
    await expect(outbox().send({ kind: 'nobody.sends-this', ref: 'x', to, payload: {} })).rejects.toThrow(/no plugin registered the mail kind "nobody.sends-this"/);
    expect(await strapi().db.query(MESSAGE).count({ where: { recipient: to } })).toBe(0);
  });
});

describe('outbox: a shutdown lets the mails under way finish (no re-send by another instance)', () => {
  /** Another instance's outbox on the same database: draining it leaves the suite's own open. */
  const instance = (compose: () => Promise<{ subject: string; text: string; html: string }>) => {
    const other = createOutboxService({ strapi: strapi() });
    other.registerKind(SERVICE, { label: { nl: 'Dienstbericht (test)', en: 'Service message (test)' }, compose });
    return other;
  };
  const service = (to: string) => ({ kind: SERVICE, ref: unique('dienst'), to, payload: { title: 'Dienst' } });

  it('waits for a mail being sent, records it as sent, and claims nothing new meanwhile', async () => {
    let release!: () => void;
    const composing = new Promise<void>((resolve) => (release = resolve));
    const other = instance(async () => {
      await composing;
      return { subject: 'Onderweg', text: 'Onderweg\n', html: '<p>Onderweg</p>' };
    });
    const [underway, later] = [address(), address()];
    const sending = other.send(service(underway));
    await new Promise((r) => setTimeout(r, 50)); // claimed, composing
    let drained = false;
    const draining = other.drain(5000).then((result: { unfinished: number }) => ((drained = true), result));
    await expect(other.send(service(later))).rejects.toMatchObject({ details: { reason: 'shutting_down' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(drained).toBe(false);
    release();
    expect(await sending).toBe('sent');
    expect(await draining).toEqual({ unfinished: 0 });
    expect(await strapi().db.query(MESSAGE).findOne({ where: { recipient: underway } })).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await strapi().db.query(MESSAGE).count({ where: { recipient: later } })).toBe(0);
    await mailSink().waitFor({ to: underway, subject: /Onderweg/ });
  });

  it('does not wait out a retry\'s backoff: the mail is left failed, for the next instance to take at once', async () => {
    await withConfig({ attempts: 4, backoffMs: 200 }, async () => {
      const other = instance(async () => {
        throw new Error('template server unreachable');
      });
      const to = address();
      const sending = other.send(service(to));
      await new Promise((r) => setTimeout(r, 50)); // the first try failed; waiting 200 ms
      const started = Date.now();
      await other.drain(5000);
      expect(await sending).toBe('failed');
      expect(Date.now() - started).toBeLessThan(1000);
      const row = await strapi().db.query(MESSAGE).findOne({ where: { recipient: to } });
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.lastError).toMatch(/template server unreachable.*shutting down/);
      // Another instance (the suite's own, whose compose works) takes it over at once.
      expect(await outbox().send({ ...service(to), ref: row.ref })).toBe('sent');
      await mailSink().waitFor({ to, subject: /Dienst/ });
    });
  });

  it('gives up waiting after the timeout and says how many are still under way', async () => {
    const other = instance(() => new Promise(() => undefined)); // an SMTP server that never answers
    void other.send(service(address()));
    await new Promise((r) => setTimeout(r, 50));
    expect(await other.drain(100)).toEqual({ unfinished: 1 });
  });
});

describe('outbox: staff see failures and retry them', () => {
  let auth: { Authorization: string };
  beforeAll(async () => {
    auth = { Authorization: `Bearer ${await adminToken()}` };
  });
  afterAll(removeAdmins);

  it('lists a failed mail with its error; "retry" composes it again and sends it once, with the same Message-ID', async () => {
    const to = address();
    const mail = news(to);
    await withConfig({ attempts: 1, backoffMs: 0 }, async () => {
      mailSink().failNext(1, 451);
      expect(await outbox().send(mail)).toBe('failed');
    });
    const overview = await api().get('/outbox/overview').set(auth).expect(200);
    const listed = overview.body.data.failed.find((f: any) => f.recipient === to);
    expect(listed).toMatchObject({ kind: NEWS, ref: mail.ref, attempts: 1, lastError: expect.stringMatching(/451/) });
    expect(overview.body.data.kinds.find((k: any) => k.kind === NEWS).failed).toBeGreaterThanOrEqual(1);
    expect(listed.payload).toBeUndefined();

    const before = composed.filter((e) => e === to).length;
    const retried = await api().post(`/outbox/messages/${listed.id}/retry`).set(auth).expect(200);
    expect(retried.body.data).toEqual({ id: listed.id, outcome: 'sent' });
    expect(composed.filter((e) => e === to).length).toBe(before + 1);
    const received = await mailSink().waitFor({ to });
    expect(received.headers.get('message-id')).toBe(messageIdOf(dedupeKeyOf(mail), config().messageIdDomain));

    // Sent now: a second retry (a double click, a second staff member) sends nothing.
    const again = await api().post(`/outbox/messages/${listed.id}/retry`).set(auth).expect(400);
    expect(again.body.error).toMatchObject({ name: 'ApplicationError', details: { reason: 'not_failed', status: 'sent' } });
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('refuses bad ids, unknown messages, and anyone who is not staff', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999']) await api().post(`/outbox/messages/${id}/retry`).set(auth).expect(400);
    await api().post('/outbox/messages/2147483000/retry').set(auth).expect(404);
    await api().get('/outbox/overview?limit=0').set(auth).expect(400);
    await api().get('/outbox/overview?limit[]=5').set(auth).expect(400);
    await api().get('/outbox/overview').expect(401);
    await api().post('/outbox/messages/1/retry').expect(401);
    // A resident's login is not a staff login.
    await api().get('/outbox/overview').set({ Authorization: 'Bearer not-an-admin-token' }).expect(401);
  });
});

describe('outbox: one-click unsubscribe (RFC 8058) for mails a person subscribed to', () => {
  it('a list mail carries List-Unsubscribe and List-Unsubscribe-Post; a service mail does not', async () => {
    const to = address();
    await outbox().send(news(to));
    const mail = await mailSink().waitFor({ to, subject: /Buurtnieuws/ });
    const link = unsubscribeLinkIn(mail.text);
    expect(headerLine(mail, 'list-unsubscribe')).toBe(`List-Unsubscribe: <${link.href}>`);
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const other = address();
    await outbox().send({ kind: SERVICE, ref: unique('dienst'), to: other, payload: { title: unique('Dienstbericht') } });
    const service = await mailSink().waitFor({ to: other });
    expect(headerLine(service, 'list-unsubscribe')).toBeUndefined();
  });

  it('opening the link only asks; the one-click POST unsubscribes, in any letter case; later mails of that list are not sent', async () => {
    const to = address();
    await outbox().send(news(to));
    const link = unsubscribeLinkIn((await mailSink().waitFor({ to, subject: /Buurtnieuws/ })).text);
    const path = `${link.pathname}${link.search}`;

    const page = await api().get(path).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain('het buurtnieuws');
    expect(page.text).toContain('<form method="post"');
    expect(await outbox().send(news(to))).toBe('sent');

    const done = await api().post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.text).toContain('Je bent afgemeld');
    await api().post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(await outbox().send(news(to))).toBe('unsubscribed');
    expect(await outbox().send(news(to.toUpperCase()))).toBe('unsubscribed');
    // Service mail still arrives.
    expect(await outbox().send({ kind: SERVICE, ref: unique('dienst'), to, payload: { title: 'Inloglink' } })).toBe('sent');
    const overview = await api().get('/outbox/overview').set({ Authorization: `Bearer ${await adminToken()}` }).expect(200);
    expect(overview.body.data.lists.find((l: any) => l.id === 'outbox-test-news').unsubscribed).toBeGreaterThanOrEqual(1);
    await removeAdmins();
  });

  it('a changed, cut-off or borrowed token is refused with a page, and unsubscribes no one', async () => {
    const victim = address();
    const secret = config().secret;
    const valid = createUnsubscribeToken(secret, { list: 'outbox-test-news', email: victim, language: 'en' });
    const [encoded, signature] = valid.split('.');
    const otherAddress = Buffer.from(JSON.stringify(['outbox-test-news', address(), 'en'])).toString('base64url');
    const attempts = [
      `${otherAddress}.${signature}`,
      `${encoded}.${signature.slice(0, -2)}xy`,
      encoded,
      `${valid}.extra`,
      // The confirm link of the quarterly reminder, signed by another flow.
      createConfirmToken(secret, 'a'.repeat(24), '2026-Q4'),
    ];
    for (const token of attempts) {
      const res = await api().post(`/api/outbox/unsubscribe?token=${encodeURIComponent(token)}`).expect(400);
      expect(res.text).toContain('Deze link werkt niet');
      await api().get(`/api/outbox/unsubscribe?token=${encodeURIComponent(token)}`).expect(400);
    }
    await api().post('/api/outbox/unsubscribe').expect(400);
    await api().get('/api/outbox/unsubscribe?token[]=x').expect(400);
    expect(await outbox().send(news(victim))).toBe('sent');
    // The valid one works, in its own language.
    const page = await api().get(`/api/outbox/unsubscribe?token=${valid}`).expect(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('the neighbourhood news');
  });

  it('escapes the address and list shown on the page', async () => {
    const token = createUnsubscribeToken(config().secret, { list: 'onbekende-lijst', email: `o'brien+<b>x</b>@buurt.example`, language: 'nl' });
    const page = await api().get(`/api/outbox/unsubscribe?token=${token}`).expect(200);
    expect(page.text).toContain('o&#39;brien+&lt;b&gt;x&lt;/b&gt;@buurt.example');
    expect(page.text).not.toContain('<b>x</b>');
    // A list no plugin sends on any more still gets a sensible name.
    expect(page.text).toContain('berichten van buurtplein');
  });
});

describe('outbox: configuration', () => {
  const valid = { publicUrl: 'https://api.town.example', secret: 'x'.repeat(16), messageIdDomain: 'town.example', attempts: 4, backoffMs: 2000, leaseMinutes: 10 };
  it.each([
    [{ secret: 'short' }, /secret must be a string of at least 16 characters/],
    [{ publicUrl: 'api.town.example' }, /publicUrl must start with http/],
    [{ messageIdDomain: 'town example>' }, /messageIdDomain must be a domain name/],
    [{ attempts: 0 }, /attempts must be a whole number ≥ 1/],
    [{ backoffMs: -1 }, /backoffMs must be a whole number ≥ 0/],
  ])('refuses %p at start-up with a message that names the setting', (patch, message) => {
    expect(() => configDefinition.validator({ ...valid, ...patch } as any)).toThrow(message);
  });
  it('accepts the defaults with a secret', () => {
    expect(() => configDefinition.validator({ ...configDefinition.default, secret: 'y'.repeat(16) })).not.toThrow();
  });
});
