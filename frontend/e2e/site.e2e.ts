import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../../src/api/account/lib/totp';
import { axeViolations, logOut, open, startSite, type Site } from './harness';

const ORG = 'api::organisation.organisation';
let site: Site;
let context: BrowserContext;
let page: Page;

const url = (pathAndQuery = '') => `${site.siteUrl}/${pathAndQuery}`;
const texts = (selector: string) => page.locator(selector).allInnerTexts();

async function expectAccessible() {
  expect(await axeViolations(page)).toEqual([]);
}

test('the accessibility check itself finds violations', async () => {
  await open(page, url());
  await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  expect((await axeViolations(page)).join('\n')).toMatch(/image-alt/);
});

/** The login link in the newest mail to this address, as the resident would click it. */
async function loginLinkFor(email: string) {
  const mail = await site.mail.waitFor((m) => m.to.includes(email) && /\/login\/email\?token=/.test(m.text), 15_000);
  const link = site.mail.linksIn(mail).find((l) => l.includes('/login/email?token='));
  site.mail.messages.splice(site.mail.messages.indexOf(mail), 1);
  return link!;
}

async function logInByEmailLink(email: string) {
  await page.getByLabel(/E-mailadres|Email address/).first().fill(email);
  await page.getByRole('button', { name: /inloglink|login link/i }).click();
  await page.getByText(/staat er nu een inloglink|a login link is now in your mailbox/).waitFor();
  const link = await loginLinkFor(email);
  expect(link.startsWith(site.siteUrl)).toBe(true);
  await page.goto(link);
}

beforeAll(async () => {
  site = await startSite();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  // Nothing leaves the machine: requests to anywhere but the site and the CMS fail the test.
  await context.route('**/*', (route) => {
    const target = route.request().url();
    return target.startsWith(site.siteUrl) || target.startsWith(site.apiUrl) ? route.continue() : route.abort();
  });
}, 300_000);

afterAll(async () => {
  await site?.stop();
});

describe('the social map', () => {
  test('lists the demo town with markers for the same items, without accessibility violations', async () => {
    await open(page, url());
    expect(await page.locator('h1').innerText()).toBe('Sociale kaart');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    const items = await page.locator('.results > li').count();
    expect(items).toBeGreaterThan(5);
    expect(await page.locator('#map .marker').count()).toBe(items);
    expect(await page.locator('#map path.leaflet-interactive, #map svg path').count()).toBeGreaterThan(0);
    expect(await page.locator('#result-count').innerText()).toMatch(/\d+ resultaten/);
    await expectAccessible();
  });

  test('search finds activities by a word and says how many', async () => {
    await open(page, url());
    await page.getByLabel('Zoekwoord').fill('wandel');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/q=wandel/);
    // Every result shows why it was found: the word is in its title or in its highlighted snippet.
    await page.waitForFunction(() => [...document.querySelectorAll('.results > li')].every((li) => /wandel/i.test(li.textContent ?? '')));
    expect((await texts('.results > li')).length).toBeGreaterThan(0);
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#result-count').innerText()).toMatch(/^\d+ resultaten?|^1 resultaat/);
    await expectAccessible();
  });

  test('filters by type and neighbourhood, and the filters survive a reload', async () => {
    await open(page, url());
    await page.getByLabel('Soort').selectOption('activity');
    await page.getByLabel('Wijk').selectOption('binnenstad');
    await page.waitForURL(/neighbourhood=binnenstad/);
    await page.waitForFunction(() => [...document.querySelectorAll('.results h3')].every((h) => (h.textContent ?? '').includes('(Binnenstad)')));
    expect((await texts('.results h3')).length).toBeGreaterThan(0);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByLabel('Wijk').inputValue()).toBe('binnenstad');
    await page.getByLabel('Categorie').selectOption('sport');
    await page.waitForURL(/category=sport/);
    await expectAccessible();
  });

  test('works by keyboard: skip link, search, filters, result links', async () => {
    await open(page, url());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return `${el.tagName.toLowerCase()}#${el.id || (el as HTMLInputElement).name || el.textContent?.trim().slice(0, 20)}`;
      }));
    }
    expect(reached[0]).toBe('input#q');
    expect(reached.filter((r) => r.startsWith('select'))).toHaveLength(3);
    expect(reached.some((r) => r.startsWith('a#'))).toBe(true);
    // Enter on a focused result opens it.
    const link = reached.findIndex((r) => r.startsWith('a#'));
    expect(link).toBeGreaterThan(3);
    await page.keyboard.press('Enter');
    await page.waitForURL(/(activity|organisation|initiative)\.html\?slug=/);
  });

  test('map markers open their link by keyboard, and Escape returns to the marker', async () => {
    await open(page, url());
    await page.locator('#map .marker').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup a');
    expect(await page.evaluate(() => document.activeElement?.closest('.leaflet-popup') && document.activeElement.tagName)).toBe('A');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await page.locator('.results h3 a').first().innerText());
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('marker'))).toBe(true);
    await page.locator('.leaflet-popup').waitFor({ state: 'detached' });
  });

  test('switches to English and remembers it', async () => {
    await open(page, url());
    await page.getByRole('link', { name: 'Read this site in English' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Social map');
    expect(await page.getByLabel('Category').locator('option').allInnerTexts()).toContain('Meals');
    await open(page, url('agenda.html'));
    expect(await page.locator('h1').innerText()).toBe('This week');
    await expectAccessible();
    await page.getByRole('link', { name: 'Lees deze site in het Nederlands' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
  });

  test('screenshot of the map page for the README', async () => {
    await page.setViewportSize({ width: 1280, height: 1100 });
    await open(page, url());
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.resolve(__dirname, '../../docs/screenshot-map.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('detail pages', () => {
  test('an activity, its organisation and its neighbourhood', async () => {
    await open(page, url('?type=activity'));
    const first = page.locator('.results h3 a').first();
    const title = await first.innerText();
    await first.click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('dl.facts').innerText()).toMatch(/Wanneer/);
    await expectAccessible();

    await page.locator('dl.facts a').first().click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(page.url()).toContain('organisation.html?slug=');
    expect(await page.locator('main h2').allInnerTexts()).toEqual(expect.arrayContaining(['Contact', 'Activiteiten']));
    expect(await page.locator('main').innerText()).not.toMatch(/beheer@/);
    await expectAccessible();

    await page.locator('dl.facts a[href*="neighbourhood.html"]').first().click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('main h2').allInnerTexts()).toEqual(expect.arrayContaining(['Activiteiten deze week', 'Organisaties in deze wijk']));
    expect(await page.locator('.map path').count()).toBeGreaterThan(0);
    await expectAccessible();
  });

  test('an unknown slug says "not found"', async () => {
    await open(page, url('activity.html?slug=does-not-exist'));
    expect(await page.locator('h1').innerText()).toBe('Niet gevonden');
    await expectAccessible();
  });

  test('the agenda shows this week, day by day, and filters by neighbourhood', async () => {
    await open(page, url('agenda.html'));
    expect(await page.locator('h1').innerText()).toBe('Agenda van deze week');
    const days = await texts('.agenda-day h2');
    expect(days.length).toBeGreaterThan(0);
    // Recurring activities appear once per date: some activity is on more than one day this week.
    const slugs = await page.locator('.agenda a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(slugs.length).toBeGreaterThan(0);
    expect(new Set(slugs).size).toBeLessThan(slugs.length);
    await expectAccessible();
    await page.getByLabel('Wijk').selectOption('binnenstad');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/neighbourhood=binnenstad/);
    await page.waitForSelector('body[data-ready="true"]');
    const titles = await texts('.agenda a');
    expect(titles.every((t) => t.includes('(Binnenstad)'))).toBe(true);
    await page.getByRole('link', { name: 'Volgende week' }).click();
    await page.waitForURL(/week=1/);
    await page.waitForSelector('body[data-ready="true"]');
    await expectAccessible();
  });
});

describe('initiatives', () => {
  const resident = `bewoner-${process.pid}@example.org`;

  test('are listed by support, most first', async () => {
    await open(page, url('initiatives.html'));
    const counts = (await texts('.initiative-card .support-count')).map((t) => Number(t.replace(/\D/g, '')));
    expect(counts.length).toBeGreaterThan(5);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    await expectAccessible();
  });

  test('a resident logs in by email link, supports an idea and withdraws', async () => {
    const supportable = await site.strapi.documents('api::initiative.initiative').findFirst({
      filters: { stage: { $in: ['idea', 'elaboration'] }, supportUntil: { $null: true }, archivedAt: { $null: true } },
      status: 'published',
    } as any);
    await open(page, url(`initiative.html?slug=${supportable!.slug}`));
    await expectAccessible();
    const before = Number((await page.locator('.support-count').innerText()).replace(/\D/g, ''));
    await logInByEmailLink(resident);
    await page.waitForURL(/initiative\.html\?slug=/);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.account').innerText()).toContain(resident);

    await page.getByRole('button', { name: 'Steun dit idee' }).click();
    await page.getByText('Bedankt, je steunt dit idee nu.').waitFor();
    expect(await page.locator('.support-count').innerText()).toBe(`${before + 1} steunbetuigingen`.replace(/^1 steunbetuigingen$/, '1 steunbetuiging'));
    await expectAccessible();

    await page.reload();
    await page.getByRole('button', { name: 'Steun intrekken' }).waitFor();
    await page.getByRole('button', { name: 'Steun intrekken' }).click();
    await page.getByText('Je steun is ingetrokken.').waitFor();
    expect(Number((await page.locator('.support-count').innerText()).replace(/\D/g, ''))).toBe(before);
    await logOut(page);
  });
});

describe('manage my listing', () => {
  const editor = `redactie-${process.pid}@wandelclub.example`;
  const name = `Wandelclub E2E ${process.pid}`;

  test('sign up, log in by email link, get approved, edit the profile and publish an activity', async () => {
    await open(page, url('manage/'));
    await expectAccessible();
    const signUp = page.locator('form.sign-up');
    await signUp.getByRole('button', { name: 'Aanmelden' }).click();
    // The browser refuses an empty required field before anything is sent.
    expect(await signUp.locator('input[name=name]').evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);

    await signUp.getByLabel(/^Naam/).fill(name);
    await signUp.getByLabel('Beschrijving').fill('Elke dinsdag wandelen we samen.');
    await signUp.getByLabel('Sport en bewegen').check();
    await signUp.getByLabel('Binnenstad').check();
    await signUp.getByLabel('Jouw e-mailadres (om in te loggen)').fill(editor);
    await signUp.getByLabel('E-mailadres voor de kwartaalcontrole').fill(editor);
    await signUp.getByLabel('Postcode').fill('1234 AB en nog veel meer');
    await signUp.getByRole('button', { name: 'Aanmelden' }).click();
    // The API's message appears next to the field it is about, and the field is marked invalid.
    await signUp.locator('input[name=postalCode][aria-invalid=true]').waitFor();
    expect(await signUp.locator('input[name=postalCode]').evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent)).toBe('Maximaal 16 tekens.');
    expect(await signUp.getByText('Controleer de gemarkeerde velden.').count()).toBe(1);
    await expectAccessible();
    await signUp.getByLabel('Postcode').fill('3811 AB');
    await signUp.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText(/aanmelding is ontvangen/i).waitFor();

    await page.goto(await loginLinkFor(editor));
    await page.waitForURL(/\/manage\//);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.my-organisation h2').innerText()).toContain('Wacht op goedkeuring');
    await expectAccessible();

    // Before approval publishing is refused, in the page's language: the site translates the API's code, not its English.
    await page.getByText('Nieuwe activiteit').click();
    const early = page.locator('details.new-activity form');
    await early.getByLabel('Titel').fill('Te vroeg E2E');
    await early.getByLabel('Begint op').fill('2030-03-04T10:00');
    await early.getByRole('button', { name: 'Activiteit opslaan als concept' }).click();
    const draft = page.locator('.my-activity', { hasText: 'Te vroeg E2E' });
    await draft.getByRole('button', { name: 'Publiceren' }).click();
    await draft.getByText('Je organisatie wacht nog op goedkeuring door de gemeente. Daarna kun je activiteiten openbaar maken.').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/waiting for approval/i);
    await expectAccessible();

    // Staff approve in the admin panel: that is publishing the organisation.
    const organisation = await site.strapi.documents(ORG).findFirst({ filters: { name }, status: 'draft' } as any);
    await site.strapi.documents(ORG).publish({ documentId: organisation!.documentId } as any);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.my-organisation h2').innerText()).toContain('Goedgekeurd');

    await page.getByText(`Gegevens van ${name}`).click();
    const profile = page.locator('form.profile');
    await profile.getByLabel('Beschrijving').fill('Elke dinsdag en donderdag wandelen we samen.');
    await profile.getByLabel('Telefoon').fill('033-1234567');
    // Placed by keyboard: the coordinates are plain fields next to the map.
    expect(await page.locator('.my-organisation h2').innerText()).toContain('Nog niet op de kaart');
    await profile.getByLabel('Breedtegraad').pressSequentially('52.156');
    await profile.getByLabel('Lengtegraad').pressSequentially('5.388');
    await profile.getByText('Staat op de kaart.').waitFor();
    await expect(profile.getByLabel('E-mailadres voor de kwartaalcontrole').inputValue()).resolves.toBe(editor);
    await profile.getByRole('button', { name: 'Opslaan' }).click();
    await profile.getByText('Opgeslagen.').waitFor();
    const publicOrganisation: any = await (await fetch(`${site.apiUrl}/api/organisations/${organisation!.documentId}`)).json();
    expect(publicOrganisation.data.description).toBe('Elke dinsdag en donderdag wandelen we samen.');
    expect(publicOrganisation.data.phone).toBe('033-1234567');
    expect(publicOrganisation.data).toMatchObject({ latitude: 52.156, longitude: 5.388 });

    await page.getByText('Nieuwe activiteit').click();
    const create = page.locator('details.new-activity form');
    await create.getByLabel('Titel').fill('Dinsdagwandeling E2E');
    await create.getByLabel('Begint op').fill('2030-03-05T10:00');
    await create.getByLabel('Kosten in euro').fill('0');
    await create.getByLabel('Sport en bewegen').check();
    await create.getByLabel('Wijk').selectOption('Binnenstad');
    await create.getByLabel('Hoe vaak').selectOption('Elke week');
    await create.getByLabel('Op', { exact: true }).selectOption('dinsdag');
    await create.getByText('Terugkerend: elke week op dinsdag').waitFor();
    await create.getByLabel('volwassenen').check();
    await create.getByLabel('Aantal plaatsen').fill('12');
    await create.getByRole('button', { name: 'Activiteit opslaan als concept' }).click();
    const item = page.locator('.my-activity', { hasText: 'Dinsdagwandeling E2E' });
    await item.getByText('Concept').waitFor();
    await expectAccessible();
    await item.getByRole('button', { name: 'Publiceren' }).click();
    await page.locator('.my-activity', { hasText: 'Dinsdagwandeling E2E' }).getByText('Openbaar', { exact: true }).waitFor();
    const activities: any = await (await fetch(`${site.apiUrl}/api/activities?filters[title][$eq]=Dinsdagwandeling%20E2E`)).json();
    expect(activities.data).toHaveLength(1);

    await open(page, url(`organisation.html?slug=${organisation!.slug}`));
    await page.getByRole('link', { name: 'Dinsdagwandeling E2E' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Binnenstad/);
    expect(facts).toMatch(/Sport en bewegen/);
    expect(facts).toMatch(/5 maart 2030/);
    expect(facts).toMatch(/elke week op dinsdag/);
    expect(facts).toMatch(/volwassenen/);
    expect(facts).not.toMatch(/FREQ=/);
    await expectAccessible();

    // Published means findable: the social map's search has it at once.
    await open(page, url('?q=dinsdagwandeling'));
    expect(await texts('.results h3')).toContain('Dinsdagwandeling E2E');
  });
});

describe('reach statistics', () => {
  test('an item page tells the CMS it was viewed, once per visitor and day', async () => {
    const listed: any = await (await fetch(`${site.apiUrl}/api/organisations?fields[0]=slug&pagination[pageSize]=1&sort=name:desc`)).json();
    const { documentId, slug } = listed.data[0];
    const views = async () => {
      await site.strapi.service('api::stats.counting').flush();
      const row = await site.strapi.db.connection('stats_daily').where({ kind: 'organisation', item: documentId }).first();
      return Number(row?.views ?? 0);
    };
    // A reader of their own: the other tests' browser (same address, same agent) may have been here today.
    const reader = await site.browser.newContext({ userAgent: `Mozilla/5.0 (reach-e2e-${Date.now()})`, locale: 'nl-NL' });
    try {
      const tab = await reader.newPage();
      const before = await views();
      for (let visit = 0; visit < 2; visit++) {
        const beacon = tab.waitForResponse((r) => r.url().endsWith('/api/stats/beacon'));
        await open(tab, url(`organisation.html?slug=${slug}`));
        expect((await beacon).status()).toBe(202);
      }
      // The counter works in the background: give it a moment, then the second visit must not have counted.
      let counted = before;
      for (let tries = 0; tries < 20 && counted === before; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        counted = await views();
      }
      expect(counted).toBe(before + 1);
    } finally {
      await reader.close();
    }
  });
});

describe('pages reached from mails', () => {
  test.each([['login/'], ['login/email?token=not-a-valid-token-at-all-123'], ['invitation?token=not-a-valid-token-at-all-123'], ['claim?token=x']])(
    '%s is accessible and explains what to do',
    async (target) => {
      await open(page, url(target));
      expect(await page.locator('form input[type=email]').count()).toBe(1);
      await expectAccessible();
    }
  );
});

describe('password reset', () => {
  const email = `wachtwoord-${process.pid}@example.org`;
  const post = (path: string, body: unknown) =>
    fetch(`${site.apiUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  test('the link from the mail sets a new password and logs in', async () => {
    expect((await post('/api/auth/local/register', { username: `wachtwoord-${process.pid}`, email, password: 'Oud-Wachtw00rd' })).status).toBe(200);
    // The account exists once the address is confirmed from the mail.
    const token = new URL(await loginLinkFor(email)).searchParams.get('token');
    expect((await post('/api/auth/magic-link/callback', { token })).status).toBe(200);
    expect((await post('/api/auth/forgot-password', { email })).status).toBe(200);
    const mail = await site.mail.waitFor((m) => m.to.includes(email) && /\/reset-password\?code=/.test(m.text), 15_000);
    const link = site.mail.linksIn(mail).find((l) => l.includes('/reset-password?code='))!;
    expect(link.startsWith(site.siteUrl)).toBe(true);

    await open(page, link);
    expect(await page.locator('h1').innerText()).toBe('Nieuw wachtwoord instellen');
    await expectAccessible();
    // The API's complaint appears in Dutch next to the field it is about.
    await page.getByLabel(/^Nieuw wachtwoord/).fill('Nieuw-Wachtw00rd');
    await page.getByLabel(/^Herhaal het nieuwe wachtwoord/).fill('Iets-anders-1');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    const repeat = page.locator('input[name=passwordConfirmation][aria-invalid=true]');
    await repeat.waitFor();
    expect(await repeat.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent)).toBe(
      'De wachtwoorden zijn niet gelijk.'
    );
    await expectAccessible();

    await page.getByLabel(/^Herhaal het nieuwe wachtwoord/).fill('Nieuw-Wachtw00rd');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Je wachtwoord is gewijzigd en je bent ingelogd.').waitFor();
    expect(await page.locator('.account').innerText()).toContain(email);
    expect(await page.evaluate(() => localStorage.getItem('buurtplein.jwt'))).toEqual(expect.any(String));
    await expectAccessible();

    expect((await post('/api/auth/local', { identifier: email, password: 'Nieuw-Wachtw00rd' })).status).toBe(200);
    expect((await post('/api/auth/local', { identifier: email, password: 'Oud-Wachtw00rd' })).status).toBe(400);
    await page.getByRole('link', { name: 'Mijn vermelding' }).last().click();
    await page.waitForURL(/\/manage\//);
    await logOut(page);
  });

  test.each([['reset-password'], ['reset-password?code=']])('%s without a code says so and offers a login link', async (target) => {
    await open(page, url(target));
    expect(await page.getByRole('alert').innerText()).toMatch(/werkt niet \(meer\)/);
    expect(await page.getByRole('link', { name: 'Vraag een nieuwe inloglink aan' }).getAttribute('href')).toBe('/login/');
    await expectAccessible();
  });

  test('an account with two-factor login is asked for its code after the reset, and only then logged in', async () => {
    const email = `tweestaps-${process.pid}@example.org`;
    await post('/api/auth/local/register', { username: `tweestaps-${process.pid}`, email, password: 'Oud-Wachtw00rd' });
    const token = new URL(await loginLinkFor(email)).searchParams.get('token');
    const { jwt } = await (await post('/api/auth/magic-link/callback', { token })).json();
    const authorised = (path: string, body: unknown) =>
      fetch(`${site.apiUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` }, body: JSON.stringify(body) });
    const { data } = await (await authorised('/api/auth/2fa/setup', {})).json();
    expect((await authorised('/api/auth/2fa/enable', { code: totpCode(data.secret, Date.now()) })).status).toBe(200);

    expect((await post('/api/auth/forgot-password', { email })).status).toBe(200);
    const mail = await site.mail.waitFor((m) => m.to.includes(email) && /\/reset-password\?code=/.test(m.text), 15_000);
    await open(page, site.mail.linksIn(mail).find((l) => l.includes('/reset-password?code='))!);
    await page.getByLabel(/^Nieuw wachtwoord/).fill('Nieuw-Wachtw00rd');
    await page.getByLabel(/^Herhaal het nieuwe wachtwoord/).fill('Nieuw-Wachtw00rd');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    // The new password is saved, but there is no session without the second factor.
    await page.getByLabel('Code uit je authenticator-app').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('buurtplein.jwt'))).toBeNull();
    await expectAccessible();
    await page.getByLabel('Code uit je authenticator-app').fill(totpCode(data.secret, Date.now() + 30_000)); // a later step than the one that enabled it (a step is used once)
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Je wachtwoord is gewijzigd en je bent ingelogd.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('buurtplein.jwt'))).toEqual(expect.any(String));
    await page.getByRole('link', { name: 'Mijn vermelding' }).last().click();
    await page.waitForURL(/\/manage\//);
    await logOut(page);
  });

  test('a used or made-up code says so after submitting', async () => {
    await open(page, url('reset-password?code=not-a-real-code'));
    await page.getByLabel(/^Nieuw wachtwoord/).fill('Nieuw-Wachtw00rd');
    await page.getByLabel(/^Herhaal het nieuwe wachtwoord/).fill('Nieuw-Wachtw00rd');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('link', { name: 'Vraag een nieuwe inloglink aan' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/werkt niet \(meer\)/);
    await expectAccessible();
  });
});

describe('enrolling for an activity', () => {
  const ACTIVITY = 'api::activity.activity';
  const email = `meedoen-${process.pid}@example.org`;

  /** The link to the site in the newest mail to this address whose subject matches. */
  async function linkIn(subject: RegExp, path: string) {
    const mail = await site.mail.waitFor((m) => m.to.includes(email) && subject.test(m.subject), 15_000);
    return site.mail.linksIn(mail).find((l) => l.startsWith(site.siteUrl) && l.includes(path))!;
  }

  test('a resident enrols without an account by keyboard, confirms by mail, sees and cancels it by the mailed links', async () => {
    const activity = (await site.strapi.documents(ACTIVITY).findFirst({
      filters: { startsAt: { $gt: new Date(Date.now() + 86400_000).toISOString() }, recurrence: { $null: true }, archivedAt: { $null: true } },
      status: 'published',
    } as any))!;
    await site.strapi.service('api::enrolment.organiser').save(activity.documentId, { open: true, capacity: 10, questions: ['Dieetwensen?'] });

    await open(page, url(`activity.html?slug=${activity.slug}&lang=nl`));
    await page.getByRole('heading', { name: 'Inschrijven' }).waitFor();
    expect(await page.locator('.enrol').innerText()).toContain('Nog 10 plaatsen vrij.');
    await expectAccessible();
    // Submitting empty names the missing fields; then filled in and sent with Enter.
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByText('Controleer de gemarkeerde velden.').waitFor();
    await page.getByLabel('Je naam').fill('Anna');
    await page.getByLabel('Je e-mailadres').fill(email);
    await page.getByLabel('Dieetwensen?').fill('vegetarisch');
    await page.getByLabel('Dieetwensen?').press('Enter');
    await page.getByText(/Bijna klaar: open de mail/).waitFor();
    await expectAccessible();

    await page.goto(await linkIn(/Bevestig/, '/meedoen/bevestigen?token='));
    await page.getByText(/Je bent ingeschreven\./).waitFor();
    expect(await page.getByRole('link', { name: activity.title }).getAttribute('href')).toContain(activity.slug);
    await expectAccessible();

    await page.goto(await linkIn(/Ingeschreven/, '/meedoen/mijn-inschrijvingen?token='));
    await page.getByRole('heading', { name: 'Mijn inschrijvingen' }).waitFor();
    expect(await page.locator('ul.enrolments li').allInnerTexts()).toEqual([expect.stringContaining(activity.title)]);
    await expectAccessible();

    // The cancel link asks first (mail scanners open links); the button cancels, once.
    const cancelLink = await linkIn(/Ingeschreven/, '/meedoen/afmelden?token=');
    await page.goto(cancelLink);
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    await expectAccessible();
    expect((await site.strapi.db.query('api::enrolment.enrolment' as any).findOne({ where: { email } })).status).toBe('confirmed');
    await page.getByRole('button', { name: 'Afmelden' }).press('Enter');
    await page.getByText('Je bent afgemeld.', { exact: false }).waitFor();
    await page.goto(cancelLink);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByText(/al gebruikt/).waitFor();
    await expectAccessible();
  });
});

describe('following by email', () => {
  const email = `volger-${process.pid}@example.org`;

  test('the mailed link asks first and confirms only on the click, once', async () => {
    const neighbourhood = (await site.strapi.documents('api::neighbourhood.neighbourhood').findFirst({ status: 'published' } as any))!;
    const asked = await fetch(`${site.apiUrl}/api/follows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { email, type: 'neighbourhood', documentId: neighbourhood.documentId } }),
    });
    expect(asked.status).toBe(202);
    const mail = await site.mail.waitFor((m) => m.to.includes(email) && /Bevestig/.test(m.subject), 15_000);
    expect(mail.text).toContain(neighbourhood.name);
    const link = site.mail.linksIn(mail).find((l) => l.startsWith(site.siteUrl) && l.includes('/follow.html?confirm='))!;
    const confirmedAt = async () => (await site.strapi.db.query('api::follow.follow' as any).findOne({ where: { email } })).confirmedAt;

    // Opening the link (as a mail scanner would) confirms nothing.
    await page.goto(link);
    await page.getByRole('button', { name: 'Ja, houd mij op de hoogte' }).waitFor();
    await expectAccessible();
    expect(await confirmedAt()).toBeNull();
    await page.getByRole('button', { name: 'Ja, houd mij op de hoogte' }).press('Enter');
    await page.getByText('Bevestigd: je volgt nu 1 onderwerp.').waitFor();
    expect(await confirmedAt()).not.toBeNull();
    await expectAccessible();

    await page.goto(link);
    await page.getByRole('button', { name: 'Ja, houd mij op de hoogte' }).click();
    await page.getByText('Dit was al bevestigd.', { exact: false }).waitFor();
    const altered = new URL(link);
    altered.searchParams.set('confirm', `${altered.searchParams.get('confirm')}x`);
    await page.goto(altered.href);
    await page.getByRole('button', { name: 'Ja, houd mij op de hoogte' }).click();
    await page.getByText('Deze link werkt niet.', { exact: false }).waitFor();
  });

  test("on a neighbourhood's page the public follow by address, and a signed-in resident follows, changes how often and stops", async () => {
    const neighbourhoods = await site.strapi.documents('api::neighbourhood.neighbourhood').findMany({ status: 'published', sort: 'name:desc' } as any);
    const neighbourhood = neighbourhoods[0] as unknown as { documentId: string; slug: string };
    const follows = site.strapi.db.query('api::follow.follow' as any);
    await open(page, url(`neighbourhood.html?slug=${neighbourhood.slug}`));
    const box = page.locator('section.follow');
    await box.getByRole('heading', { name: 'Volgen' }).waitFor();
    expect(await box.innerText()).toMatch(/\d+ volgers?/);
    const byMail = `volgt-per-mail-${process.pid}@example.org`;
    await box.getByLabel('Je e-mailadres').fill(byMail);
    await box.getByLabel('Hoe vaak wil je bericht?').selectOption({ label: 'Eén keer per dag' });
    await box.getByRole('button', { name: 'Volgen' }).click();
    await box.getByText('Bijna klaar: open de mail die we stuurden').waitFor();
    expect(await follows.findOne({ where: { email: byMail } })).toMatchObject({ type: 'neighbourhood', target: neighbourhood.documentId, frequency: 'daily', confirmedAt: null });
    await expectAccessible();

    const resident = `volger-met-account-${process.pid}@example.org`;
    await open(page, url('login/'));
    await logInByEmailLink(resident);
    await page.waitForSelector('body[data-ready="true"]');
    await open(page, url(`neighbourhood.html?slug=${neighbourhood.slug}`));
    expect(await box.getByLabel('Je e-mailadres').count()).toBe(0);
    await box.getByLabel('Hoe vaak wil je bericht?').selectOption({ label: 'Meteen' });
    await box.getByRole('button', { name: 'Volgen' }).click();
    await box.getByText('Je volgt dit. Je krijgt bericht: meteen.').waitFor();
    const user = await site.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: resident } });
    expect(await follows.findOne({ where: { userId: user.id } })).toMatchObject({ target: neighbourhood.documentId, frequency: 'immediate' });
    await expectAccessible();

    await open(page, url(`neighbourhood.html?slug=${neighbourhood.slug}`));
    expect(await box.getByLabel('Hoe vaak wil je bericht?').inputValue()).toBe('immediate');
    await box.getByRole('button', { name: 'Niet meer volgen' }).click();
    await box.getByText('Je volgt dit niet meer.').waitFor();
    expect(await follows.count({ where: { userId: user.id } })).toBe(0);
    await logOut(page);
  });
});

describe('news for followers', () => {
  test("a follow mail's link shows what the address follows and stops it with a click, not before", async () => {
    const reader = `nieuws-${process.pid}@example.org`;
    const initiative = (await site.strapi.documents('api::initiative.initiative').create({
      data: { title: `Speelveld <i>Noord</i> ${process.pid}`, slug: `speelveld-noord-${process.pid}`, summary: 'Een trapveldje.', stage: 'idea' },
      locale: 'nl',
      status: 'published',
    } as any)) as unknown as { documentId: string; title: string };
    await site.strapi.db.query('api::follow.follow' as any).create({ data: { email: reader, type: 'initiative', target: initiative.documentId, frequency: 'immediate', language: 'nl', confirmedAt: new Date() } });
    await site.strapi.documents('api::initiative.initiative').update({ documentId: initiative.documentId, locale: 'nl', data: { stage: 'running' }, status: 'published' } as any);
    await site.strapi.service('api::follow.delivery').runImmediate();
    const mail = await site.mail.waitFor((m) => m.to.includes(reader) && /nieuwe fase/.test(m.subject), 15_000);
    const link = site.mail.linksIn(mail).find((l) => l.includes('/follow.html?manage='))!;
    const follows = () => site.strapi.db.query('api::follow.follow' as any).count({ where: { email: reader } });

    await page.goto(link);
    const item = page.getByRole('listitem').filter({ hasText: initiative.title });
    await item.getByText(`Initiatief: ${initiative.title} · Meteen`).waitFor();
    await expectAccessible();
    expect(await follows()).toBe(1);
    await page.getByRole('button', { name: 'Met alles stoppen' }).click();
    await page.getByText('Klaar: je krijgt op dit adres geen berichten meer van buurtplein.').waitFor();
    expect(await follows()).toBe(0);
    await page.goto(link);
    await page.getByText('Dit adres volgt (nu) niets.').waitFor();
  });

  test("an initiative's page shows how it is going and staff's official reply first", async () => {
    const initiative = (await site.strapi.documents('api::initiative.initiative').create({
      data: { title: `Buurtmoestuin ${process.pid}`, slug: `buurtmoestuin-${process.pid}`, summary: 'Samen tuinieren.', stage: 'idea' },
      locale: 'nl',
      status: 'published',
    } as any)) as unknown as { documentId: string };
    await site.strapi.documents('api::initiative.initiative').update({ documentId: initiative.documentId, locale: 'nl', data: { stage: 'elaboration' }, status: 'published' } as any);
    await site.strapi.db.query('plugin::idea-support.comment').create({ data: { initiative: initiative.documentId, authorName: 'Bewoner', body: 'Leuk plan!', status: 'visible', official: false } });
    await site.strapi.plugin('idea-support').service('comments').officialReply(initiative.documentId, 'We zoeken samen een plek. <b>Vet</b>');
    await open(page, url(`initiative.html?slug=buurtmoestuin-${process.pid}`));
    const history = page.locator('section.history');
    await history.getByRole('heading', { name: 'Hoe het ervoor staat' }).waitFor();
    expect(await history.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^Idee sinds /), expect.stringMatching(/^Uitwerking sinds /)]);
    await history.getByText('Hierna: het idee wordt samen met de gemeente uitgewerkt.', { exact: false }).waitFor();
    const reactions = page.locator('section.reactions li');
    await reactions.first().getByText('Officiële reactie').waitFor();
    expect(await reactions.first().innerText()).toContain('We zoeken samen een plek. <b>Vet</b>');
    expect(await reactions.nth(1).innerText()).toContain('Leuk plan!');
    await expectAccessible();
  });
});

describe('the knowledge base', () => {
  const member = `groepslid-${process.pid}@example.org`;
  const tag = `${process.pid}`;
  let group: { documentId: string; name: string };
  let question: { documentId: string };

  beforeAll(async () => {
    const documents = (uid: string) => site.strapi.documents(uid as any);
    group = (await documents('api::group.group').create({ data: { name: `Werkgroep zonnepanelen ${tag}`, slug: `werkgroep-zon-${tag}`, visibility: 'closed', description: 'Samen zonnepanelen op de daken.' } } as any)) as any;
    await documents('api::article.article').create({
      data: { title: `Vrijwilligersbeleid opstellen ${tag}`, slug: `vrijwilligersbeleid-${tag}`, kind: 'guide', visibility: 'public', summary: 'In vijf stappen.', body: 'Stap 1: schrijf op wat vrijwilligers doen.\n\nStap 2: <script>window.pwned=1</script> spreek verwachtingen af.', lastReviewedAt: '2026-11-01' },
      locale: 'nl',
      status: 'published',
    } as any);
    await documents('api::article.article').create({
      data: { title: `Offertes vergelijken ${tag}`, slug: `offertes-${tag}`, visibility: 'group', group: group.documentId, body: 'Alleen voor de werkgroep.' },
      locale: 'nl',
      status: 'published',
    } as any);
    question = (await documents('api::question.question').create({ data: { title: `Wie weet iets van subsidie voor buurthuizen ${tag}?`, authorName: 'Bewoner 1234' } } as any)) as any;
    await documents('api::answer.answer').create({ data: { body: 'Kijk bij het fonds van de gemeente.', question: question.documentId, official: true, authorName: 'Gemeente' } } as any);
  });

  test('the public reads public guides, questions and groups, not what a group keeps to itself', async () => {
    await open(page, url('knowledge.html'));
    const text = await page.locator('main').innerText();
    expect(text).toContain(`Vrijwilligersbeleid opstellen ${tag}`);
    expect(text).not.toContain(`Offertes vergelijken ${tag}`);
    expect(text).toContain(`Werkgroep zonnepanelen ${tag}`);
    await expectAccessible();

    await page.getByRole('link', { name: `Vrijwilligersbeleid opstellen ${tag}` }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('h1').innerText()).toBe(`Vrijwilligersbeleid opstellen ${tag}`);
    // Shown as text (markdown marks dropped), never run.
    expect(await page.locator('main').innerText()).toMatch(/Handleiding · gecontroleerd op \w+ 1 november 2026[\s\S]*Stap 2: <script/);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expectAccessible();

    await open(page, url(`question.html?id=${question.documentId}`));
    expect(await page.locator('.answer.official').innerText()).toContain('Officieel antwoord van de gemeente');
    await page.getByText('Log in om te antwoorden.').waitFor();
    await expectAccessible();

    // Search finds the public guide, not the group's article.
    await open(page, url(`knowledge.html?q=vrijwilligersbeleid`));
    expect(await page.locator('.search-results').innerText()).toContain(`Vrijwilligersbeleid opstellen ${tag}`);
  });

  test('a member logs in, asks to join, is let in, then reads the group\'s article and asks inside the group', async () => {
    await open(page, url(`group.html?id=${group.documentId}`));
    await page.getByText('Log in om mee te doen met deze groep.').waitFor();
    await expectAccessible();
    await logInByEmailLink(member);
    await page.waitForURL(/group\.html\?id=/);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: 'Vragen om lid te worden' }).click();
    await page.getByText('Je hebt gevraagd om lid te worden.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(`Offertes vergelijken ${tag}`);

    // A group admin lets them in.
    const user = await site.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: member } });
    await site.strapi.db.query('api::group.membership' as any).update({ where: { group: group.documentId, userId: user.id }, data: { status: 'active' } });
    await open(page, url(`group.html?id=${group.documentId}`));
    await page.getByText('Je bent lid van deze groep.').waitFor();
    expect(await page.locator('main').innerText()).toContain(`Offertes vergelijken ${tag}`);
    await expectAccessible();

    await page.getByLabel('Je vraag').fill(`Welke installateur raden jullie aan ${tag}?`);
    await page.getByRole('button', { name: 'Vraag stellen' }).click();
    await page.waitForURL(/question\.html\?id=/);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('main').innerText()).toContain('In de groep');
    await page.getByLabel('Je antwoord').fill('Vraag drie offertes aan.');
    await page.getByRole('button', { name: 'Antwoord plaatsen' }).click();
    await page.waitForSelector('.answers li');
    expect(await page.locator('.answers').innerText()).toContain('Vraag drie offertes aan.');
    // Who asked marks the answer that helped.
    await page.getByRole('button', { name: 'Dit antwoord heeft me geholpen' }).click();
    await page.locator('.answer.accepted').waitFor();
    expect(await page.locator('.answer.accepted').innerText()).toContain('Geaccepteerd antwoord');
    await expectAccessible();
    await logOut(page);
    // Logged out, the group's question does not exist.
    await page.getByText('Niet gevonden').first().waitFor();
  });
});
