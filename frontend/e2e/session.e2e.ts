import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, logOut, open, siteContext, startSite, type Site } from './harness';

// Access tokens that expire within the test: every step after a pause needs the refresh cookie.
const LIFETIME_SECONDS = 3;
process.env.SESSION_ACCESS_TOKEN_SECONDS = String(LIFETIME_SECONDS);
const REFRESH_COOKIE = 'strapi_up_refresh';

let site: Site;
let context: BrowserContext;
let page: Page;
const resident = `sessie-${process.pid}@example.org`;
let initiativeUrl: string;

const url = (pathAndQuery = '') => `${site.siteUrl}/${pathAndQuery}`;
const tokenExpires = () => page.waitForTimeout(LIFETIME_SECONDS * 1000 + 1500);
const storedJwt = () => page.evaluate(() => localStorage.getItem('buurtplein.jwt'));
const refreshCookie = async () => (await context.cookies(site.apiUrl)).find((cookie) => cookie.name === REFRESH_COOKIE);

async function logInFrom(pageUrl: string) {
  await open(page, pageUrl);
  await page.getByLabel(/E-mailadres|Email address/).first().fill(resident);
  await page.getByRole('button', { name: /inloglink|login link/i }).first().click();
  const mail = await site.mail.waitFor((m) => m.to.includes(resident) && /\/login\/email\?token=/.test(m.text), 15_000);
  site.mail.messages.splice(site.mail.messages.indexOf(mail), 1);
  await page.goto(site.mail.linksIn(mail).find((link) => link.includes('/login/email?token='))!);
  await page.waitForURL((target) => target.href.startsWith(pageUrl));
  await page.waitForSelector('body[data-ready="true"]');
}

beforeAll(async () => {
  site = await startSite();
  context = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  const initiative = await site.strapi.documents('api::initiative.initiative').findFirst({
    filters: { stage: { $in: ['idea', 'elaboration'] }, supportUntil: { $null: true }, archivedAt: { $null: true } },
    status: 'published',
  } as any);
  initiativeUrl = url(`initiative.html?slug=${initiative!.slug}&lang=nl`);
}, 300_000);

afterAll(async () => {
  await site?.stop();
});

describe('a session outlives its access token', () => {
  test('after the token expired, the supporter still sees their support and can withdraw it', async () => {
    await logInFrom(initiativeUrl);
    expect(await refreshCookie()).toMatchObject({ httpOnly: true });
    await page.getByRole('button', { name: 'Steun dit idee' }).click();
    await page.getByText('Bedankt, je steunt dit idee nu.').waitFor();
    const first = await storedJwt();

    await tokenExpires();
    await open(page, initiativeUrl);
    await page.getByRole('button', { name: 'Steun intrekken' }).waitFor();
    expect(await page.locator('.account').innerText()).toContain(resident);
    expect(await storedJwt()).not.toBe(first);

    await tokenExpires();
    await page.getByRole('button', { name: 'Steun intrekken' }).click();
    await page.getByText('Je steun is ingetrokken.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a session that cannot be renewed', () => {
  test.each([
    ['nl', 'Je bent uitgelogd', /Je sessie is verlopen/],
    ['en', 'You have been logged out', /Your session has ended/],
  ])('says so in the page language (%s), stops saying who is logged in, and offers the login', async (language, heading, text) => {
    if (!(await refreshCookie())) await logInFrom(initiativeUrl);
    await tokenExpires();
    // The refresh token is gone (idle too long, logged out elsewhere): only a new login helps.
    await context.clearCookies();
    await open(page, url(`manage/?lang=${language}`));
    await page.getByRole('heading', { name: heading }).waitFor();
    expect(await page.locator('.session-ended').innerText()).toMatch(text);
    expect(await page.locator('.account').count()).toBe(0);
    expect(await storedJwt()).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('on an idea page the support button goes and the new login link comes back to the idea', async () => {
    await logInFrom(initiativeUrl);
    await page.getByRole('button', { name: /Steun dit idee|Steun intrekken/ }).waitFor();
    await tokenExpires();
    await context.clearCookies();
    await page.getByRole('button', { name: /Steun dit idee|Steun intrekken/ }).click();
    await page.getByRole('heading', { name: 'Je bent uitgelogd' }).waitFor();
    expect(await page.locator('.support-button').count()).toBe(0);
    expect(await page.locator('.account').count()).toBe(0);
    await page.locator('.session-ended').getByLabel('E-mailadres').fill(resident);
    await page.locator('.session-ended').getByRole('button', { name: /inloglink/i }).click();
    const mail = await site.mail.waitFor((m) => m.to.includes(resident) && /\/login\/email\?token=/.test(m.text), 15_000);
    site.mail.messages.splice(site.mail.messages.indexOf(mail), 1);
    await page.goto(site.mail.linksIn(mail).find((link) => link.includes('/login/email?token='))!);
    await page.waitForURL((target) => target.href.startsWith(initiativeUrl));
    await page.getByRole('button', { name: /Steun dit idee|Steun intrekken/ }).waitFor();
  });
});

test('logging out revokes the refresh token: the old cookie renews nothing', async () => {
  if (!(await refreshCookie())) await logInFrom(initiativeUrl);
  const before = (await refreshCookie())!.value;
  await open(page, initiativeUrl);
  await logOut(page);
  expect(await page.locator('.account').count()).toBe(0);
  const replay = await fetch(`${site.apiUrl}/api/auth/refresh`, { method: 'POST', headers: { Cookie: `${REFRESH_COOKIE}=${before}` } });
  expect(replay.status).toBe(401);
});
