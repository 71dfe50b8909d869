import { axeViolations, open, siteContext, startSite, type Site } from './harness';

/**
 * The README's Quick start: no FRONTEND_URL, so the CMS serves the website
 * itself and every link in a mail opens a page on the same server.
 */
let site: Site;

beforeAll(async () => {
  site = await startSite({ servedByCms: true });
}, 300_000);

afterAll(async () => {
  await site?.stop();
});

test('the CMS serves the map at / and its API next to it', async () => {
  expect(site.siteUrl).toBe(site.apiUrl);
  const context = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await open(page, `${site.siteUrl}/`);
  expect(await page.locator('h1').innerText()).toBe('Sociale kaart');
  expect(await page.locator('.results > li').count()).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  const api = await fetch(`${site.apiUrl}/api/activities?pagination[pageSize]=1`);
  expect(api.headers.get('content-type')).toMatch(/application\/json/);
  expect((await api.json()).data).toHaveLength(1);
  await context.close();
});

test('a login link asked for on "Mijn vermelding" and opened in another browser logs in there', async () => {
  const email = `snelstart-${process.pid}@wandelclub.example`;
  const asking = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
  const page = await asking.newPage();
  await open(page, `${site.siteUrl}/manage/`);
  await page.getByLabel('E-mailadres').first().fill(email);
  await page.getByRole('button', { name: /inloglink/i }).first().click();
  const mail = await site.mail.waitFor((m) => m.to.includes(email) && /\/login\/email\?token=/.test(m.text), 15_000);
  const link = site.mail.linksIn(mail).find((l) => l.includes('/login/email?token='))!;
  // The link points to the server the person used, not to a 404 of the API.
  expect(link.startsWith(`${site.siteUrl}/login/email?token=`)).toBe(true);
  expect(new URL(link).searchParams.get('next')).toBe('/manage/');
  await asking.close();

  const other = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
  const phone = await other.newPage();
  await phone.goto(link);
  await phone.waitForURL(`${site.siteUrl}/manage/`);
  await phone.waitForSelector('body[data-ready="true"]');
  expect(await phone.locator('.account').innerText()).toContain(email);
  expect(await phone.locator('h1').innerText()).toBe('Mijn vermelding');
  // Same origin: the refresh cookie is kept without any CORS setting.
  expect((await other.cookies(site.siteUrl)).map((cookie) => cookie.name)).toContain('strapi_up_refresh');
  expect(await axeViolations(phone)).toEqual([]);
  await other.close();
});
