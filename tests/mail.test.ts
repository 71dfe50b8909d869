import fs from 'fs';
import os from 'os';
import path from 'path';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { env } from '@strapi/utils';
import nodemailerProvider from '@strapi/provider-email-nodemailer';
import emailFile from '../providers/email-file';
import pluginsConfig from '../config/plugins';
import { linksIn, startMailSink, type MailSink } from './helpers/mail-sink';

const ROOT = path.resolve(__dirname, '..');
const MAIL_VARS = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USERNAME', 'SMTP_PASSWORD', 'SMTP_POOL', 'MAIL_FROM', 'MAIL_REPLY_TO', 'MAIL_DIR'];

// The real env helper reads process.env, so the config sees exactly what it
// would see at boot, including '' for variables left empty in .env.
function emailConfig(vars: Record<string, string>) {
  const saved = Object.fromEntries(MAIL_VARS.map((name) => [name, process.env[name]]));
  for (const name of MAIL_VARS) delete process.env[name];
  Object.assign(process.env, vars);
  try {
    return (pluginsConfig({ env }) as any).email.config;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('providers/email-file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buurtplein-mail-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the mail as a parseable .eml file and logs where', async () => {
    const lines: string[] = [];
    const target = path.join(dir, 'not', 'there', 'yet');
    const provider = emailFile.init(
      { dir: target },
      { defaultFrom: 'Buurtplein <noreply@buurtplein.test>', defaultReplyTo: 'info@buurtplein.test', logger: { info: (line) => lines.push(line) } }
    );

    const result = await provider.send({
      to: 'Resident@Example.org',
      bcc: 'audit@example.org',
      subject: 'Bevestig je e-mailadres',
      text: 'Klik op https://buurtplein.test/confirm?token=abc om te bevestigen.',
    });

    const files = fs.readdirSync(target);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f]{8}\.eml$/);
    expect(result.file).toBe(path.join(target, files[0]));

    const mail = await simpleParser(fs.readFileSync(result.file));
    expect(mail.subject).toBe('Bevestig je e-mailadres');
    expect(mail.text?.trim()).toBe('Klik op https://buurtplein.test/confirm?token=abc om te bevestigen.');
    expect(mail.to).toMatchObject({ value: [{ address: 'Resident@example.org' }] });
    expect(mail.from).toMatchObject({ value: [{ name: 'Buurtplein', address: 'noreply@buurtplein.test' }] });
    expect(mail.replyTo).toMatchObject({ value: [{ address: 'info@buurtplein.test' }] });
    // Kept in the file, so a Bcc'd copy can be checked in the demo too.
    expect(mail.bcc).toMatchObject({ value: [{ address: 'audit@example.org' }] });
    expect(mail.html).toContain('https://buurtplein.test/confirm?token=abc');

    expect(lines).toEqual([`[mail] to Resident@example.org, audit@example.org: Bevestig je e-mailadres → ${result.file}`]);
  });

  it('gives every mail its own file', async () => {
    const provider = emailFile.init({ dir }, { logger: { info: () => undefined } });
    await Promise.all([1, 2, 3].map((n) => provider.send({ to: 'a@example.org', subject: `mail ${n}`, text: 'x' })));
    expect(fs.readdirSync(dir)).toHaveLength(3);
  });

  it('does not attach local files named by the caller', async () => {
    const provider = emailFile.init({ dir }, { logger: { info: () => undefined } });
    await expect(
      provider.send({ to: 'a@example.org', subject: 'x', text: 'x', attachments: [{ path: path.join(ROOT, 'package.json') }] })
    ).rejects.toThrow(/access/i);
    expect(fs.readdirSync(dir)).toHaveLength(0);
  });
});

describe('tests/helpers/mail-sink', () => {
  let sink: MailSink;
  beforeAll(async () => {
    sink = await startMailSink();
  });
  afterAll(() => sink.stop());
  beforeEach(() => sink.clear());

  const transport = (auth?: { user: string; pass: string }) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, auth });

  it('receives mail over SMTP, with or without a login', async () => {
    const waiting = sink.waitFor({ to: 'Later@Example.org' });
    await transport().sendMail({
      from: 'Buurtplein <noreply@buurtplein.test>',
      to: 'later@example.org',
      subject: 'Welkom',
      text: 'Zie https://buurtplein.test/a, en (https://buurtplein.test/b?x=1&y=2).',
      html: '<p>Welkom</p>',
    });
    const mail = await waiting;
    expect(mail).toMatchObject({ to: ['later@example.org'], from: 'noreply@buurtplein.test', subject: 'Welkom', html: '<p>Welkom</p>' });
    expect(sink.linksIn(mail)).toEqual(['https://buurtplein.test/a', 'https://buurtplein.test/b?x=1&y=2']);

    await transport({ user: 'someone', pass: 'anything' }).sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'Met login', text: 'x' });
    expect(sink.messages.map((m) => m.subject)).toEqual(['Welkom', 'Met login']);
    // Already received mails count too.
    await expect(sink.waitFor({ subject: /login/ })).resolves.toMatchObject({ to: ['b@example.org'] });
    await expect(sink.waitFor((m) => m.to.includes('later@example.org'))).resolves.toMatchObject({ subject: 'Welkom' });
  });

  it('lists every envelope recipient, Cc and Bcc included', async () => {
    await transport().sendMail({ from: 'a@example.org', to: 'x@example.org', cc: 'Y@example.org', bcc: 'z@example.org', subject: 'Drie', text: 'x' });
    const mail = await sink.waitFor({ to: 'z@example.org' });
    expect(mail.to.sort()).toEqual(['x@example.org', 'y@example.org', 'z@example.org']);
  });

  it('names what it did receive when the awaited mail does not come', async () => {
    await transport().sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'Iets anders', text: 'x' });
    await expect(sink.waitFor({ to: 'nobody@example.org' }, 200)).rejects.toThrow(
      /no mail matching .*nobody@example\.org.* within 200 ms; received: "Iets anders" to b@example\.org/
    );
  });

  it('failNext refuses the next mails with a temporary error, then accepts again', async () => {
    sink.failNext(1);
    const send = () => transport().sendMail({ from: 'a@example.org', to: ['b@example.org', 'c@example.org'], subject: 'Opnieuw', text: 'x' });
    await expect(send()).rejects.toMatchObject({ responseCode: 451 });
    expect(sink.messages).toHaveLength(0);
    await send();
    expect(sink.messages).toHaveLength(1);

    sink.failNext(2, 450);
    await expect(send()).rejects.toMatchObject({ responseCode: 450 });
    await expect(send()).rejects.toMatchObject({ responseCode: 450 });
    await send();
    expect(sink.messages).toHaveLength(2);
  });

  it('linksIn falls back to the HTML of an HTML-only mail', () => {
    expect(linksIn({ text: '', html: '<a href="https://x.test/a?b=1&amp;c=2">a</a> https://x.test/b.' })).toEqual([
      'https://x.test/a?b=1&c=2',
      'https://x.test/b',
    ]);
  });
});

describe('config/plugins.ts email', () => {
  it('sends over SMTP when SMTP_HOST is set', () => {
    expect(emailConfig({ SMTP_HOST: 'smtp.example.org', SMTP_USERNAME: 'user', SMTP_PASSWORD: 'secret', SMTP_POOL: 'true', MAIL_FROM: 'Buurtplein <hallo@example.org>' })).toEqual({
      provider: 'nodemailer',
      providerOptions: { host: 'smtp.example.org', port: 587, secure: false, pool: true, auth: { user: 'user', pass: 'secret' } },
      settings: { defaultFrom: 'Buurtplein <hallo@example.org>', defaultReplyTo: 'Buurtplein <hallo@example.org>' },
    });
    expect(emailConfig({ SMTP_HOST: 'smtp.example.org', SMTP_SECURE: 'true', SMTP_USERNAME: '', MAIL_REPLY_TO: 'info@example.org' })).toEqual({
      provider: 'nodemailer',
      providerOptions: { host: 'smtp.example.org', port: 465, secure: true, pool: false },
      settings: { defaultFrom: 'buurtplein <noreply@buurtplein.local>', defaultReplyTo: 'info@example.org' },
    });
    expect(emailConfig({ SMTP_HOST: 'smtp.example.org', SMTP_PORT: '2525' }).providerOptions.port).toBe(2525);
  });

  it('writes mails to MAIL_DIR without SMTP_HOST, also when .env leaves the variables empty', () => {
    const expected = {
      provider: '@buurtplein/provider-email-file',
      providerOptions: { dir: path.join(ROOT, '.tmp', 'mail') },
      settings: { defaultFrom: 'buurtplein <noreply@buurtplein.local>', defaultReplyTo: 'buurtplein <noreply@buurtplein.local>' },
    };
    expect(emailConfig({})).toEqual(expected);
    expect(emailConfig({ SMTP_HOST: '', MAIL_FROM: '', MAIL_REPLY_TO: '', MAIL_DIR: '' })).toEqual(expected);
    expect(emailConfig({ MAIL_DIR: 'var/mail' }).providerOptions.dir).toBe(path.join(ROOT, 'var', 'mail'));
    expect(emailConfig({ MAIL_DIR: '/srv/mail' }).providerOptions.dir).toBe('/srv/mail');
  });

  it('names a provider the email plugin can load', () => {
    // The plugin lower-cases the name, then require()s it.
    const { provider } = emailConfig({});
    expect(fs.realpathSync(require.resolve(provider.toLowerCase()))).toBe(path.join(ROOT, 'providers', 'email-file', 'index.js'));
  });

  it('delivers through the real nodemailer provider to the mail sink', async () => {
    const sink = await startMailSink();
    try {
      const { providerOptions, settings } = emailConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_USERNAME: 'u', SMTP_PASSWORD: 'p' });
      await nodemailerProvider.init(providerOptions, settings).send({ to: 'resident@example.org', subject: 'Via SMTP', text: 'https://buurtplein.test/x' });
      const mail = await sink.waitFor({ to: 'resident@example.org' });
      expect(mail.from).toBe('noreply@buurtplein.local');
      expect(sink.linksIn(mail)).toEqual(['https://buurtplein.test/x']);
    } finally {
      await sink.stop();
    }
  });
});
