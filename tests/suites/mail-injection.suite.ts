import { api, createDocument, createUser, unique } from '../helpers/fixtures';
import { FRONTEND_URL, mailSink, strapi } from '../helpers/strapi';

/** What a sender types must not reach someone else's inbox as the town's message, nor as HTML (#14.11). */

const HOSTILE_NAME = '<a href="http://evil.example/login">Gemeente: bevestig uw account</a> http://evil.example/x';

async function signUp(contactEmail: string, name = `${HOSTILE_NAME} ${unique('n')}`) {
  const category = await createDocument('api::category.category', { name: unique('Cat'), slug: unique('cat') });
  await api()
    .post('/api/organisations/sign-up')
    .send({ data: { name, categories: [category.documentId], reminderEmail: `${unique('r')}@club.example`, contactEmail, language: 'nl' } })
    .expect(201);
  return name;
}

describe('attack: phishing through sign-up mails (#14.11)', () => {
  const staff = `${unique('staff')}@town.example`;
  let saved: string[];
  beforeAll(() => {
    saved = strapi().config.get('buurtplein.staffEmails') as string[];
    strapi().config.set('buurtplein.staffEmails', [staff]);
  });
  afterAll(() => strapi().config.set('buurtplein.staffEmails', saved));

  it.each([
    ['an address nobody registered', async () => `${unique('victim')}@elsewhere.example`],
    ['an existing confirmed account', async () => (await createUser()).email],
  ])('the contact address (%s) gets our own plain text and link only', async (_case, address) => {
    const contactEmail = await address();
    mailSink().clear();
    await signUp(contactEmail);
    const mail = await mailSink().waitFor({ to: contactEmail, subject: /Aanmelding ontvangen/ }, 10_000);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('bevestig uw account');
    }
    expect(mailSink().linksIn(mail).every((link) => link.startsWith(`${FRONTEND_URL}/login/email?token=`))).toBe(true);
  });

  it('staff see the name as escaped text, with no link in it', async () => {
    mailSink().clear();
    const name = await signUp(`${unique('c')}@club.example`);
    const mail = await mailSink().waitFor((m) => m.to.includes(staff) && m.text.includes(name), 10_000);
    expect(mail.html).not.toContain('<a href="http://evil');
    expect(mail.html).toContain('&lt;a href=&quot;http://evil.example/login&quot;&gt;');
    // No anchor at all: the mail holds no link of ours either.
    expect(mail.html).not.toMatch(/<a\s/i);
  });

  it('an invitation shows the inviter\'s display name, which cannot carry a link or an address', async () => {
    const person = await createUser({ displayName: 'Anna' });
    const login = await api().post('/api/auth/local').send({ identifier: person.email, password: 'Secret-Passw0rd' }).expect(200);
    for (const displayName of ['http://evil.example', 'Anna <b>', 'a@evil.example', 'x'.repeat(61)]) {
      const res = await api().put('/api/my/account').set('Authorization', `Bearer ${login.body.jwt}`).send({ data: { displayName } });
      expect([displayName, res.status]).toEqual([displayName, 400]);
    }
  });
});
