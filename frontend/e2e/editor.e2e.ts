import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { axeViolations, open, siteContext, startSite, type Site } from './harness';

const ACTIVITY = 'api::activity.activity';
const DUTCH_DAY = '(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)';
const DUTCH_MONTH = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
let site: Site;

beforeAll(async () => {
  site = await startSite();
}, 300_000);

afterAll(async () => {
  await site?.stop();
});

const url = (pathAndQuery = '') => `${site.siteUrl}/${pathAndQuery}`;

/** The town's weekday of an instant, as the API's clock sees it. */
const amsterdamWeekday = (iso: string) => new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

describe.each(['Pacific/Auckland', 'America/New_York'])('dates with the browser in %s', (timezoneId) => {
  let page: Page;

  beforeAll(async () => {
    page = await (await siteContext(site, { timezoneId })).newPage();
  });

  afterAll(async () => {
    await page.context().close();
  });

  test('a Thursday series shows its next Thursday with weekday and its rule in words', async () => {
    const [activity] = await site.strapi.documents(ACTIVITY).findMany({
      status: 'published',
      locale: 'nl',
      filters: { recurrence: 'FREQ=WEEKLY;BYDAY=TH' },
      fields: ['slug', 'startsAt', 'recurrence'],
      limit: 1,
    });
    expect(activity).toBeDefined();
    // The demo data's own start is on a day its rule names.
    expect(amsterdamWeekday(activity.startsAt as string)).toBe('donderdag');

    await open(page, url(`activity.html?slug=${activity.slug}`));
    const when = await page.locator('main').innerText();
    expect(when).toMatch(new RegExp(`Volgende keer: donderdag \\d{1,2} ${DUTCH_MONTH} \\d{4}, \\d{2}:\\d{2}`));
    expect(when).toContain('Terugkerend: elke week op donderdag');
    expect(when).not.toMatch(/FREQ=|BYDAY/);
    const next = /Volgende keer: donderdag (\d{1,2}) /.exec(when)![1];
    // The next Thursday is at most a week away and not in the past, on Amsterdam's calendar.
    const daysAhead = [...Array(8).keys()].map((d) =>
      new Intl.DateTimeFormat('nl-NL', { day: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + d * 86_400_000))
    );
    expect(daysAhead).toContain(next);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the agenda runs Monday to Sunday on the town calendar, with lowercase Dutch names inside headings', async () => {
    for (const week of ['', '?week=1']) {
      await open(page, url(`agenda.html${week}`));
      const intro = await page.locator('.intro').innerText();
      expect(intro).toMatch(new RegExp(`^Alle activiteiten van maandag \\d{1,2} ${DUTCH_MONTH} \\d{4} tot en met zondag \\d{1,2} ${DUTCH_MONTH} \\d{4}\\.$`));
      const headings = await page.locator('.agenda-day h2').evaluateAll((list) => list.map((h) => h.textContent ?? ''));
      expect(headings.length).toBeGreaterThan(0);
      for (const heading of headings) expect(heading).toMatch(new RegExp(`^${DUTCH_DAY} \\d{1,2} ${DUTCH_MONTH} \\d{4}$`));
      // Shown with a capital first letter only: "Donderdag 10 december 2026".
      const shown = await page.locator('.agenda-day h2').first().evaluate((h) => getComputedStyle(h).textTransform);
      expect(shown).toBe('none');
    }
    expect(await page.locator('h1').innerText()).toMatch(new RegExp(`^Maandag \\d{1,2} ${DUTCH_MONTH} \\d{4} – zondag \\d{1,2} ${DUTCH_MONTH} \\d{4}$`));
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('target groups are shown in the reader\'s words, not as the API\'s values', async () => {
  const context = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const [activity] = await site.strapi.documents(ACTIVITY).findMany({ status: 'published', locale: 'nl', fields: ['slug'], limit: 1 });
  const english = await site.strapi.documents(ACTIVITY).findOne({ documentId: activity.documentId, status: 'published', locale: 'en', fields: ['slug'] });
  // Every locale and status of the document: the field is not localised.
  await site.strapi.db.query(ACTIVITY).updateMany({ where: { documentId: activity.documentId }, data: { targetGroups: ['adults', 'families', 'youth'] } });
  await open(page, url(`activity.html?slug=${activity.slug}`));
  expect(await page.locator('.facts').innerText()).toMatch(/Voor wie\s+volwassenen, gezinnen, jongeren/);
  await open(page, url(`activity.html?slug=${english!.slug}&lang=en`));
  expect(await page.locator('.facts').innerText()).toMatch(/adults, families, young people/);
  await context.close();
});

describe('an item without a point', () => {
  test('says "nog niet op de kaart" on its page, and an item with a point does not', async () => {
    const context = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    const [placed, unplaced] = await site.strapi.db
      .query('api::organisation.organisation')
      .findMany({ where: { publishedAt: { $notNull: true }, locale: 'nl' }, select: ['slug'], limit: 2 });
    await site.strapi.db.query('api::organisation.organisation').updateMany({ where: { slug: unplaced.slug }, data: { latitude: null, longitude: null } });

    await open(page, url(`organisation.html?slug=${unplaced.slug}`));
    expect(await page.locator('.facts').innerText()).toMatch(/Op de kaart\s+Nog niet op de kaart/);
    expect(await axeViolations(page)).toEqual([]);
    await open(page, url(`organisation.html?slug=${placed.slug}&lang=en`));
    expect(await page.locator('main').innerText()).not.toMatch(/not on the map/i);
    await context.close();
  });
});

describe('"Zoek op adres" where the town has a geocoder (#15.4)', () => {
  let geocoder: http.Server;
  let answer: { status: number; body: unknown } = { status: 200, body: {} };
  let before: unknown;

  beforeAll(async () => {
    before = site.strapi.config.get('buurtplein.geocoder');
    geocoder = http.createServer((_request, response) => {
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => geocoder.listen(0, '127.0.0.1', () => resolve()));
    const { port } = geocoder.address() as AddressInfo;
    site.strapi.config.set('buurtplein.geocoder', { url: `http://127.0.0.1:${port}/free?q={query}`, timeoutMs: 2000 });
  });

  afterAll(async () => {
    site.strapi.config.set('buurtplein.geocoder', before);
    await new Promise((resolve) => geocoder.close(resolve));
  });

  test('fills the point from the address, lets the editor choose between places, and says when it cannot', async () => {
    const context = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await open(page, url('manage/'));
    const signUp = page.locator('form.sign-up');
    await signUp.getByRole('button', { name: 'Zoek op adres' }).click();
    await signUp.getByText('Vul eerst een adres of een plaats in.').waitFor();

    answer = {
      status: 200,
      body: {
        response: {
          docs: [
            { weergavenaam: 'Stationsplein 1, 3818LE Amersfoort', centroide_ll: 'POINT(5.37402 52.15372)' },
            { weergavenaam: 'Stationsplein 1, 6811KG Arnhem', centroide_ll: 'POINT(5.8987 51.9850)' },
          ],
        },
      },
    };
    await signUp.getByLabel('Adres', { exact: true }).fill('Stationsplein 1');
    await signUp.getByRole('button', { name: 'Zoek op adres' }).click();
    await signUp.getByText('Gevonden: kies het juiste adres.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await signUp.getByRole('button', { name: 'Stationsplein 1, 3818LE Amersfoort' }).click();
    await signUp.getByText('Punt gezet bij Stationsplein 1, 3818LE Amersfoort. Controleer op de kaart of het klopt.').waitFor();
    expect(await signUp.getByLabel('Breedtegraad').inputValue()).toBe('52.15372');
    expect(await signUp.getByLabel('Lengtegraad').inputValue()).toBe('5.37402');
    await signUp.getByText('Staat op de kaart.').waitFor();

    answer = { status: 200, body: { response: { docs: [] } } };
    await signUp.getByRole('button', { name: 'Zoek op adres' }).click();
    await signUp.getByText('Dit adres is niet gevonden. Klik op de kaart waar het is.').waitFor();

    answer = { status: 500, body: { error: 'down for maintenance' } };
    await signUp.getByRole('button', { name: 'Zoek op adres' }).click();
    await signUp.getByText('Adres opzoeken lukt nu even niet. Klik op de kaart waar het is, of probeer het later opnieuw.').waitFor();
    // The point chosen before stays: a failing lookup takes nothing away.
    expect(await signUp.getByLabel('Breedtegraad').inputValue()).toBe('52.15372');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('without a geocoder the button is not offered', async () => {
    site.strapi.config.set('buurtplein.geocoder', { url: '', timeoutMs: 2000 });
    const context = await siteContext(site, { timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await open(page, url('manage/'));
    await page.locator('form.sign-up').getByText('Plaats op de kaart').waitFor();
    expect(await page.getByRole('button', { name: 'Zoek op adres' }).count()).toBe(0);
    await context.close();
  });
});

describe('an editor adds a logo, a picture and an English text (#15.5)', () => {
  const ORG = 'api::organisation.organisation';
  const email = `beeldredactie-${process.pid}@example.org`;
  let page: Page;
  let organisation: { documentId: string; slug: string; name: string };
  let activity: { documentId: string; slug: string; title: string };

  beforeAll(async () => {
    // An organisation with a public activity, as most in the demo town have.
    [organisation] = await site.strapi.db
      .query(ORG)
      .findMany({ where: { publishedAt: { $notNull: true }, locale: 'nl', activities: { publishedAt: { $notNull: true }, archivedAt: null } }, select: ['documentId', 'slug', 'name'], limit: 1 });
    [activity] = await site.strapi.db
      .query(ACTIVITY)
      .findMany({ where: { publishedAt: { $notNull: true }, archivedAt: null, locale: 'nl', organisation: { documentId: organisation.documentId } }, select: ['documentId', 'slug', 'title'], limit: 1 });
    const role = await site.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'editor' } });
    const user = await site.strapi.db.query('plugin::users-permissions.user').create({ data: { username: email, email, provider: 'local', confirmed: true, role: role.id } });
    await site.strapi.service('api::organisation.membership').addMember(organisation.documentId, user.id);
    page = await (await siteContext(site, { timezoneId: 'Europe/Amsterdam' })).newPage();
    await open(page, url('manage/'));
    await page.getByLabel('E-mailadres').first().fill(email);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).first().click();
    const mail = await site.mail.waitFor((m) => m.to.includes(email) && /\/login\/email\?token=/.test(m.text), 15_000);
    await page.goto(site.mail.linksIn(mail).find((link) => link.includes('/login/email?token='))!);
    await page.waitForURL(/\/manage\//);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await page.context().close();
  });

  const png = async (width: number, height: number) => {
    const { default: sharp } = await import('sharp');
    return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 110, b: 60 } } }).png().toBuffer();
  };

  test('the logo is saved with its text and shown on the organisation page; a non-picture is refused in words', async () => {
    await page.getByText(`Gegevens van ${organisation.name}`).click();
    const logo = page.locator('form.picture-form').first();
    await logo.getByText('Nog geen afbeelding.').waitFor();
    await logo.getByLabel('Kies een afbeelding').setInputFiles({ name: 'notities.png', mimeType: 'image/png', buffer: Buffer.from('geen plaatje') });
    await logo.getByRole('button', { name: 'Afbeelding opslaan' }).click();
    await logo.getByText('Dit is geen foto of afbeelding die we kunnen tonen. Kies een JPEG-, PNG- of WebP-bestand.').waitFor();

    await logo.getByLabel('Kies een afbeelding').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await png(120, 60) });
    await logo.getByLabel('Wat staat erop?').fill(`Logo van ${organisation.name}: een groene rechthoek`);
    await logo.getByRole('button', { name: 'Afbeelding opslaan' }).click();
    await logo.getByText('Afbeelding opgeslagen.').waitFor();
    expect(await logo.locator('img.picture-preview').getAttribute('alt')).toBe(`Logo van ${organisation.name}: een groene rechthoek`);
    expect(await axeViolations(page)).toEqual([]);

    await open(page, url(`organisation.html?slug=${organisation.slug}`));
    const shown = page.locator('main img.item-picture');
    expect(await shown.getAttribute('alt')).toBe(`Logo van ${organisation.name}: een groene rechthoek`);
    await page.waitForFunction(() => (document.querySelector('main img.item-picture') as HTMLImageElement | null)?.naturalWidth === 120);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the editor sees how often their listing was viewed this quarter', async () => {
    // The test above opened the public page, whose beacon counted a view.
    await site.strapi.service('api::stats.counting').flush();
    await open(page, url('manage/'));
    const reach = page.locator('.my-organisation', { hasText: organisation.name }).locator('p.reach');
    expect(await reach.innerText()).toMatch(/^Dit kwartaal is je vermelding (1|[2-9]\d*) keer bekeken\.$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the English text of an activity appears on the English site, and the Dutch one stays', async () => {
    await open(page, url('manage/'));
    const item = page.locator('.my-activity', { hasText: activity.title });
    await item.locator('summary').first().click();
    await item.getByText('Engelse tekst', { exact: true }).click();
    const english = item.locator('form.english-text');
    await english.getByLabel('Titel').fill('Walk together E2E');
    await english.getByLabel('Beschrijving').fill('We walk through the park every week.');
    await english.getByRole('button', { name: 'Engelse tekst opslaan' }).click();
    await english.getByText('Opgeslagen.').waitFor();
    expect(await english.getByLabel('Titel').getAttribute('lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);

    await open(page, url(`activity.html?slug=${activity.slug}&lang=en`));
    expect(await page.locator('h1').innerText()).toBe('Walk together E2E');
    expect(await page.locator('main').innerText()).toContain('We walk through the park every week.');
    // The English version has the same organiser as the Dutch one.
    expect(await page.locator('.facts').innerText()).toContain(organisation.name);
    await open(page, url(`activity.html?slug=${activity.slug}&lang=nl`));
    expect(await page.locator('h1').innerText()).toBe(activity.title);
  });

  test('the editor opens enrolment with a question, sees who enrolled (waiting list in order), marks attendance and mails them all', async () => {
    await site.strapi.documents(ACTIVITY).update({ documentId: activity.documentId, locale: 'nl', data: { startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), recurrence: null } } as any);
    await site.strapi.documents(ACTIVITY).publish({ documentId: activity.documentId, locale: 'nl' } as any);
    await open(page, url('manage/'));
    const item = page.locator('.my-activity', { hasText: activity.title });
    await item.locator('summary').first().click();
    await item.getByText('Inschrijvingen', { exact: true }).click();
    const settings = item.locator('form.enrolment-settings');
    await settings.getByLabel('Inschrijven staat open').check();
    await settings.getByLabel('Aantal plaatsen').fill('1');
    await settings.getByLabel('Vragen aan wie zich inschrijft').fill('Dieetwensen?');
    await settings.getByRole('button', { name: 'Opslaan' }).click();
    await item.getByText('Nog niemand ingeschreven.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Two residents enrol (the second on the waiting list); the organiser's list shows both in order.
    const enrol = async (name: string, answer: string) => {
      const who = `${name.toLowerCase()}-${process.pid}@example.org`;
      const role = await site.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
      const user = await site.strapi.db.query('plugin::users-permissions.user').create({ data: { username: who, email: who, provider: 'local', confirmed: true, role: role.id } });
      await site.strapi.service('api::enrolment.enrolment').enrol(activity.documentId, { name, answers: [answer] }, { ...user, confirmed: true }, 'nl');
      return who;
    };
    const first = await enrol('Anna', 'vegetarisch');
    const second = await enrol('Bert', '=1+1');
    await open(page, url('manage/'));
    await item.locator('summary').first().click();
    await item.getByText('Inschrijvingen', { exact: true }).click();
    const rows = item.locator('table.enrolees tbody tr');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/Anna[\s\S]*Ingeschreven[\s\S]*vegetarisch/), expect.stringMatching(/Bert[\s\S]*Wachtlijst, plaats 1/)]);
    const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && /\/enrolments\/\d+$/.test(response.url()));
    await item.getByLabel('Anna was aanwezig').check();
    expect((await saved).status()).toBe(200);
    expect((await site.strapi.db.query('api::enrolment.enrolment' as any).findOne({ where: { email: first } })).attended).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const message = item.locator('form.enrolee-message');
    await message.getByLabel('Onderwerp').fill('Gaat niet door');
    await message.getByLabel('Bericht').fill('Door de regen vervalt de activiteit.');
    await message.getByRole('button', { name: 'Bericht versturen' }).click();
    await message.getByText('Het bericht gaat naar 2 mensen.').waitFor();
    for (const who of [first, second]) await site.mail.waitFor((m) => m.to.includes(who) && /Gaat niet door/.test(m.subject), 15_000);
  });
});
