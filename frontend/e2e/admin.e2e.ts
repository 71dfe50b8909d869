import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, siteContext, startSite, type Site } from './harness';

/**
 * The admin panel as a town's staff member sees it, rendered in Chromium:
 * Dutch labels, read-only system fields, one-step approval, no developer tour.
 * The admin panel must be built (`npm run build`, which `npm install` runs).
 */
const ORG = 'api::organisation.organisation';
const INITIATIVE = 'api::initiative.initiative';
const ACTIVITY = 'api::activity.activity';
const DOCS = path.resolve(__dirname, '../../docs');
const EMAIL = `redactie-${process.pid}@gemeente.example`;
const PASSWORD = 'Gemeente-Passw0rd';

let site: Site;
let page: Page;

/** Whether every input of the field labelled `label` is disabled (a date field has two). */
const fieldDisabled = (label: string) =>
  page.evaluate((text) => {
    const element = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim().replace(/\*$/, '') === text);
    let field = element?.parentElement ?? null;
    while (field && !field.querySelector('input, textarea, [role=combobox]')) field = field.parentElement;
    const inputs = field ? [...field.querySelectorAll<HTMLInputElement>('input, textarea, [role=combobox]')] : [];
    return inputs.length > 0 && inputs.every((input) => input.disabled || input.getAttribute('aria-disabled') === 'true');
  }, label);

const admin = (pathAndQuery: string) => `${site.apiUrl}/admin/${pathAndQuery}`;
const editView = (uid: string, documentId: string) => admin(`content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=nl`);

beforeAll(async () => {
  site = await startSite({ adminPanel: true });
  const superAdmin = await site.strapi.service('admin::role').getSuperAdmin();
  await site.strapi.service('admin::user').create({
    email: EMAIL,
    password: PASSWORD,
    firstname: 'Sanne',
    lastname: 'Communicatie',
    isActive: true,
    registrationToken: null,
    preferedLanguage: 'nl',
    roles: [superAdmin.id],
  });
  ({ page } = await loggedIn());
}, 300_000);

/** A browser of its own with the staff member logged in (the Content Manager keeps a list's filters per browser). */
async function loggedIn() {
  const browser = await siteContext(site, { timezoneId: 'Europe/Amsterdam', viewport: { width: 1440, height: 900 } });
  const tab = await browser.newPage();
  await tab.goto(admin('auth/login'));
  await tab.locator('input[name=email]').fill(EMAIL);
  await tab.locator('input[name=password]').fill(PASSWORD);
  await tab.locator('button[type=submit]').click();
  await tab.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  return { context: browser, page: tab };
}

afterAll(async () => {
  await site?.stop();
});

test('the home page offers no developer tour, no Strapi Cloud, no Marketplace and no Content-Type Builder', async () => {
  await page.getByRole('navigation').first().waitFor();
  await page.waitForTimeout(1500);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/Strapi Cloud|Deploy now|guided tour|rondleiding|new Media Library|Marketplace|Content-Type Builder/i);
  expect(await page.getByRole('dialog').count()).toBe(0);
  const menu = await page.getByRole('navigation').first().locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(menu.some((href) => href.includes('content-manager'))).toBe(true);
  // Our plugins' pages, registered through the plugin kit.
  for (const plugin of ['content-expiry', 'listing-reminders', 'bulk-import', 'outbox', 'moderation']) expect(menu.some((href) => href.endsWith(`plugins/${plugin}`))).toBe(true);
  expect(menu.filter((href) => /content-type-builder|market\.strapi\.io|marketplace/.test(href))).toEqual([]);
});

test('the home page is the communication team\'s cockpit: what waits, with links, and the reach of the last 30 days', async () => {
  const tag = Date.now().toString(36);
  const pending = await site.strapi.documents(ORG).create({ data: { name: `Cockpit wacht ${tag}`, slug: `cockpit-wacht-${tag}`, approvalStatus: 'pending' }, locale: 'nl', status: 'draft' } as any);
  const shown = await site.strapi.documents(ORG).create({ data: { name: `Cockpit bekeken ${tag}`, slug: `cockpit-bekeken-${tag}` }, locale: 'nl', status: 'published' } as any);
  for (const reader of ['een', 'twee', 'drie']) {
    await fetch(`${site.apiUrl}/api/organisations/${shown.documentId}`, { headers: { 'User-Agent': `cockpit-e2e-${reader}-${tag}` } });
  }
  const lost = `cockpitzoek${tag}`;
  await fetch(`${site.apiUrl}/api/search?q=${lost}`, { headers: { 'User-Agent': `cockpit-e2e-zoeker-${tag}` } });
  await site.strapi.service('api::stats.counting').flush();
  // Its own browser: following the link leaves a filter on the organisations list that the Content Manager remembers.
  const { context: own, page } = await loggedIn();
  try {
    await page.goto(admin(''));
    await page.getByRole('heading', { name: 'Wat vraagt om aandacht' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Bereik' }).waitFor();
    const reach = page.getByTestId('cockpit-reach');
    await reach.waitFor();
    expect(await reach.innerText()).toMatch(/Unieke bezoekers[\s\S]*Weergaven[\s\S]*Meest bekeken/);
    await reach.getByText(`Cockpit bekeken ${tag} · 3`).waitFor();
    expect(await reach.getByRole('img', { name: /Unieke bezoekers per dag/ }).count()).toBe(1);
    await reach.getByText(`${lost} · 1`).waitFor();
    expect(await reach.getByRole('link', { name: 'Alle statistieken' }).getAttribute('href')).toBe('/admin/statistics');
    const waiting = page.getByTestId('cockpit-attention').getByRole('link', { name: /^\d+ · Organisaties die wachten op goedkeuring$/ });
    await waiting.click();
    await page.waitForURL(/content-manager\/collection-types\/api::organisation\.organisation\?.*approvalStatus/);
    await page.getByText(`Cockpit wacht ${tag}`).waitFor({ timeout: 30_000 });
  } finally {
    await own.close();
    await site.strapi.documents(ORG).delete({ documentId: pending.documentId } as any);
    await site.strapi.documents(ORG).delete({ documentId: shown.documentId } as any);
  }
});

test('the statistics page charts a chosen period, with the same figures as a table, the most viewed and the searches that found nothing', async () => {
  const tag = Date.now().toString(36);
  const shown = await site.strapi.documents(ORG).create({ data: { name: `Statistiek bekeken ${tag}`, slug: `statistiek-bekeken-${tag}` }, locale: 'nl', status: 'published' } as any);
  for (const reader of ['een', 'twee', 'drie', 'vier']) {
    await fetch(`${site.apiUrl}/api/organisations/${shown.documentId}`, { headers: { 'User-Agent': `statistiek-e2e-${reader}-${tag}` } });
  }
  const lost = `statistiekzoek${tag}`;
  await fetch(`${site.apiUrl}/api/search?q=${lost}`, { headers: { 'User-Agent': `statistiek-e2e-zoeker-${tag}` } });
  await site.strapi.service('api::stats.counting').flush();
  try {
    await page.goto(admin('statistics'));
    await page.getByRole('heading', { name: 'Statistieken', level: 1 }).waitFor({ timeout: 60_000 });
    const visits = page.locator('section[aria-labelledby=statistics-visits]');
    // A real chart: Recharts' SVG, named and described for screen readers, reachable with the keyboard.
    const chart = visits.locator('svg[role=application]');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toBe('Bezoek');
    expect(await chart.locator('desc').textContent()).toBe('Weergaven als staven, unieke bezoekers als lijn.');
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await chart.focus();
    await page.keyboard.press('ArrowLeft');
    await visits.locator('.recharts-tooltip-wrapper').getByText(/Weergaven/).waitFor();

    // The last 30 days per day: 30 rows in the table (the design system's tables are grids), today's last with the four views counted above.
    await visits.getByText('Dezelfde cijfers als tabel').click();
    const table = visits.getByRole('grid', { name: 'Bezoek' });
    expect(await table.getByRole('row').count()).toBe(31);
    const today = new Intl.DateTimeFormat('nl', { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date());
    const todayCells = await table.getByRole('row').last().getByRole('gridcell').allInnerTexts();
    expect(todayCells[0]).toBe(today);
    expect(Number(todayCells[1].replace(/\./g, ''))).toBeGreaterThanOrEqual(4);

    const top = page.getByRole('grid', { name: 'Meest bekeken' });
    const link = top.getByRole('link', { name: `Statistiek bekeken ${tag}` });
    expect(await link.getAttribute('href')).toBe(`/admin/content-manager/collection-types/${ORG}/${shown.documentId}`);
    await page.getByRole('grid', { name: 'Gezocht, niets gevonden' }).getByRole('row', { name: new RegExp(`${lost}\\s+1`) }).waitFor();
    expect(await axeViolations(page, 'main')).toEqual([]);

    // Per month: the 30 days span two months at most, and the chart and table follow.
    await page.getByRole('combobox', { name: 'Per', exact: true }).click();
    await page.getByRole('option', { name: 'Maand' }).click();
    await page.waitForFunction(() => [1, 2].includes(document.querySelectorAll('table[aria-label="Bezoek"] tbody tr').length));
    expect(await visits.getByRole('grid', { name: 'Bezoek' }).getByRole('row').last().getByRole('gridcell').first().innerText()).toMatch(/^[a-z]{3,4}\.? \d{4}$/);

    // Dates that cannot be asked for are said, and the figures shown stay.
    await page.getByLabel('Van').fill('2030-01-01');
    await page.getByText('"Van" moet op of voor "Tot en met" liggen.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Periode' }).innerText()).toBe('Zelf kiezen');
    await visits.locator('svg[role=application]').waitFor();
  } finally {
    await site.strapi.documents(ORG).delete({ documentId: shown.documentId } as any);
  }
});

test('the plugin pages work in Dutch: a dry run reports, and what cannot be undone asks first', async () => {
  await page.goto(admin('plugins/content-expiry'));
  await page.getByRole('heading', { name: 'Verlopen inhoud' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Proefrun starten' }).click();
  await page.getByRole('status').getByText('Proefrun klaar; er is niets veranderd. Zie het verslag hieronder.').waitFor({ timeout: 60_000 });
  // The run log lists it: started from the admin panel, succeeded, under Dutch column names.
  const runLog = page.locator('section[aria-labelledby=content-expiry-runs] table');
  await runLog.getByRole('columnheader', { name: 'Gestart' }).first().waitFor();
  await runLog.getByRole('row', { name: /Beheerpaneel.*Gelukt/ }).first().waitFor();
  // "Nu opruimen" asks first; cancelling runs nothing.
  const runsBefore = await site.strapi.db.query('plugin::content-expiry.run').count({ where: { dryRun: false } });
  await page.getByRole('button', { name: 'Nu opruimen' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Nu opruimen?').waitFor();
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await site.strapi.db.query('plugin::content-expiry.run').count({ where: { dryRun: false } })).toBe(runsBefore);

  await page.goto(admin('plugins/listing-reminders'));
  await page.getByRole('heading', { name: 'Herinneringen vermeldingen' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Nu versturen' }).click();
  await page.getByRole('alertdialog').getByText(/De herinneringen voor \d{4}-Q[1-4] nu versturen\?/).waitFor();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Annuleren' }).click();

  await page.goto(admin('plugins/bulk-import'));
  await page.getByRole('heading', { name: 'Bulkimport' }).waitFor({ timeout: 60_000 });
  await page.getByText('Importeer organisaties of activiteiten uit een CSV- of JSON-bestand.', { exact: false }).waitFor();
});

test('a failed mail is listed in the outbox in Dutch, and "Opnieuw versturen" sends it', async () => {
  const recipient = `eigenaar-${process.pid}@club.example`;
  const title = `Zomerkamp ${process.pid}`;
  const failed = await site.strapi.db.query('plugin::outbox.message').create({
    data: {
      dedupeKey: `e2e-${process.pid}-${Date.now()}`,
      kind: 'content-expiry.warning',
      ref: `e2e${process.pid}`,
      recipient,
      language: 'nl',
      payload: { title, expiresAt: new Date(Date.now() + 7 * 864e5).toISOString() },
      messageId: `<e2e-${process.pid}@buurtplein.local>`,
      status: 'failed',
      attempts: 4,
      lastError: '451 Temporary failure, try again later',
    },
  });
  await page.goto(admin('plugins/outbox'));
  await page.getByRole('heading', { name: 'Uitgaande mail' }).first().waitFor({ timeout: 60_000 });
  const table = page.locator('section[aria-labelledby=outbox-failed] table');
  await table.getByRole('columnheader', { name: 'Soort mail' }).waitFor();
  const row = table.getByRole('row', { name: new RegExp(recipient) });
  await row.getByText('Waarschuwing: loopt bijna af').waitFor();
  await row.getByText(/451 Temporary failure/).waitFor();
  await row.getByRole('button', { name: `Opnieuw versturen: mail aan ${recipient}` }).click();
  await page.getByRole('status').getByText(`Verstuurd aan ${recipient}.`).waitFor({ timeout: 30_000 });
  await row.waitFor({ state: 'detached' });
  expect(await site.strapi.db.query('plugin::outbox.message').findOne({ where: { id: failed.id } })).toMatchObject({ status: 'sent', attempts: 5 });
});

test('a hidden reaction waits in the moderation queue in Dutch; "Goedkeuren" puts it back online', async () => {
  const [initiative] = await site.strapi.documents(INITIATIVE).findMany({ status: 'published', locale: 'nl', limit: 1 } as any);
  const body = `Dit is <b>grof</b> ${process.pid}`;
  const comment = await site.strapi.db.query('plugin::idea-support.comment').create({
    data: { initiative: initiative.documentId, body, authorName: 'Kees', status: 'hidden', reportCount: 3, userId: null },
  });
  await page.goto(admin('plugins/moderation'));
  await page.getByRole('heading', { name: 'Moderatie' }).first().waitFor({ timeout: 60_000 });
  const row = page.locator('section[aria-labelledby=moderation-queue] table').getByRole('row', { name: new RegExp(`grof</b> ${process.pid}`) });
  // Residents' text shows as typed, never as markup.
  await row.getByText(body).waitFor();
  await row.getByText('Verborgen, wacht op jou').waitFor();
  await row.getByText('Reactie op een initiatief').waitFor();
  await row.getByRole('button', { name: /^Goedkeuren:/ }).click();
  await page.getByRole('status').getByText('Goedgekeurd: blijft online.').waitFor({ timeout: 30_000 });
  await row.waitFor({ state: 'detached' });
  expect(await site.strapi.db.query('plugin::idea-support.comment').findOne({ where: { id: comment.id } })).toMatchObject({ status: 'approved' });
});

test('residents\' reactions are called "Reacties" in the Content Manager, not "Comment" (#15.12)', async () => {
  await page.goto(admin('content-manager'));
  await page.getByRole('link', { name: 'Reacties' }).waitFor({ timeout: 60_000 });
  expect(await page.getByRole('link', { name: /^Comments?$/ }).count()).toBe(0);
});

test('an initiative is edited with Dutch labels, and what the system counts cannot be typed over', async () => {
  const [initiative] = await site.strapi.documents(INITIATIVE).findMany({ status: 'draft', locale: 'nl', limit: 1 } as any);
  await page.goto(editView(INITIATIVE, initiative.documentId));
  await page.getByLabel('Steunbetuigingen').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(DOCS, 'admin-initiative-edit.png') });
  expect(await fieldDisabled('Steunbetuigingen')).toBe(true);
  expect(await fieldDisabled('Drempel bereikt op')).toBe(true);
  expect(await fieldDisabled('Gearchiveerd op')).toBe(true);
  expect(await fieldDisabled('Titel')).toBe(false);
  const labels = await page.locator('main label').allInnerTexts();
  expect(labels.map((label) => label.replace(/\*$/, '').trim())).toEqual(expect.arrayContaining(['Titel', 'Samenvatting', 'Fase', 'Steunen kan tot']));
  const body = await page.locator('main').innerText();
  expect(body).not.toMatch(/\bsupportCount\b|\bthresholdReachedAt\b|\barchivedAt\b/);
});

test("staff post an official reply from an initiative's side panel: it is listed there and public, first", async () => {
  const initiative = await site.strapi.documents(INITIATIVE).create({ data: { title: `Bankje bij de vijver ${process.pid}`, slug: `bankje-vijver-${process.pid}`, summary: 'Zitten.', stage: 'idea' }, locale: 'nl', status: 'published' } as any);
  await page.goto(editView(INITIATIVE, initiative.documentId));
  const field = page.getByRole('textbox', { name: 'Officiële reactie' });
  await field.waitFor({ timeout: 60_000 });
  await field.fill('Dank voor het idee. We plaatsen het bankje in april.');
  await page.getByRole('button', { name: 'Officiële reactie plaatsen' }).click();
  await page.getByRole('status').getByText('Geplaatst. De initiatiefnemer en de volgers krijgen bericht.').waitFor({ timeout: 30_000 });
  await page.getByRole('article').getByText('Dank voor het idee. We plaatsen het bankje in april.').waitFor();
  const res = await fetch(`${site.apiUrl}/api/idea-support/initiatives/${initiative.documentId}/comments`);
  const { data } = (await res.json()) as { data: { body: string; official: boolean }[] };
  expect(data[0]).toMatchObject({ body: 'Dank voor het idee. We plaatsen het bankje in april.', official: true });
});

test('an activity\'s target groups are checkboxes with Dutch names, saved as the list the API serves', async () => {
  const [activity] = await site.strapi.documents(ACTIVITY).findMany({ status: 'draft', locale: 'nl', limit: 1 } as any);
  await site.strapi.documents(ACTIVITY).update({ documentId: activity.documentId, locale: 'nl', data: { targetGroups: ['adults'] } } as any);
  await page.goto(editView(ACTIVITY, activity.documentId));
  const groups = page.getByRole('group', { name: 'Doelgroepen' });
  await groups.waitFor({ timeout: 60_000 });
  expect(await groups.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent?.trim()))).toEqual([
    'kinderen', 'jongeren', 'volwassenen', 'ouderen', 'gezinnen', 'nieuwkomers', 'mantelzorgers', 'iedereen',
  ]);
  expect(await groups.getByRole('checkbox', { name: 'volwassenen' }).getAttribute('aria-checked')).toBe('true');
  // The document's actions load after the form: wait for them, so the change below lands in a finished form.
  const save = page.getByRole('button', { name: /^(Bewaar|Save)$/ });
  await save.waitFor({ timeout: 60_000 });
  await groups.getByRole('checkbox', { name: 'ouderen' }).click();
  expect(await groups.getByRole('checkbox', { name: 'ouderen' }).getAttribute('aria-checked')).toBe('true');
  await save.click();
  let saved: any;
  for (let i = 0; i < 50; i++) {
    saved = await site.strapi.documents(ACTIVITY).findOne({ documentId: activity.documentId, locale: 'nl', status: 'draft' } as any);
    if (saved?.targetGroups?.length === 2) break;
    await page.waitForTimeout(200);
  }
  expect(saved.targetGroups).toEqual(['adults', 'seniors']);
});

test('the organisations list has Dutch columns, and a pending organisation is approved in one step', async () => {
  await page.goto(admin(`content-manager/collection-types/${ORG}?page=1&pageSize=10&sort=name:ASC&plugins[i18n][locale]=nl`));
  await page.locator('thead').waitFor({ timeout: 60_000 });
  expect((await page.locator('thead').innerText()).toLowerCase()).toEqual(expect.stringMatching(/naam\s+goedkeuring\s+plaats\s+laatst bevestigd\s+gearchiveerd op/));
  // Choices in words in the list too, not the stored value.
  const rows = await page.locator('tbody').innerText();
  expect(rows).toContain('Goedgekeurd');
  expect(rows).not.toMatch(/\bapproved\b/);
  await page.screenshot({ path: path.join(DOCS, 'admin-organisations.png') });

  const tag = `${process.pid}`;
  const pending = await site.strapi.documents(ORG).create({ data: { name: `Wandelclub wacht ${tag}`, slug: `wandelclub-wacht-${tag}`, approvalStatus: 'pending' }, locale: 'nl', status: 'draft' } as any);
  await site.strapi.documents('api::activity.activity').create({
    data: { title: `Concept ${tag}`, slug: `concept-${tag}`, organisation: pending.documentId },
    locale: 'nl',
    status: 'draft',
  } as any);
  await page.goto(editView(ORG, pending.documentId));
  // The choice reads as words, not as the stored value.
  await page.getByText('Wacht op goedkeuring').first().waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Goedkeuren' }).first().click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await dialog.getByText(/Activiteiten die nog concept zijn, blijven concept/).waitFor();
  await page.waitForTimeout(600); // the dialog fades in
  await page.screenshot({ path: path.join(DOCS, 'admin-approve.png') });
  await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
  await page.getByText(/is goedgekeurd en staat op de kaart\. 1 activiteit blijft concept/).waitFor({ timeout: 30_000 });
  const approved = await site.strapi.documents(ORG).findOne({ documentId: pending.documentId, status: 'published', locale: 'nl' } as any);
  expect(approved).toMatchObject({ approvalStatus: 'approved' });
  expect(await site.strapi.db.query('api::activity.activity').count({ where: { title: `Concept ${tag}`, publishedAt: { $notNull: true } } })).toBe(0);
});

test("staff open an activity's enrolment in its side panel, see who enrolled, mark attendance and mail them", async () => {
  const [activity] = await site.strapi.documents(ACTIVITY).findMany({ status: 'published', locale: 'nl', limit: 1, filters: { recurrence: { $null: true } } } as any);
  await site.strapi.documents(ACTIVITY).update({ documentId: activity.documentId, locale: 'nl', data: { startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString() } } as any);
  await site.strapi.documents(ACTIVITY).publish({ documentId: activity.documentId, locale: 'nl' } as any);
  await page.goto(editView(ACTIVITY, activity.documentId));
  const panel = page.getByRole('group', { name: 'Inschrijvingen' });
  await panel.waitFor({ timeout: 60_000 });
  await panel.getByText('Inschrijven staat open').click();
  await panel.getByLabel('Aantal plaatsen').fill('1');
  await panel.getByLabel('Vragen bij het inschrijven').fill('Dieetwensen?');
  await panel.getByRole('button', { name: 'Instellingen bewaren' }).click();
  await page.getByText('De inschrijfinstellingen zijn bewaard.').waitFor({ timeout: 30_000 });
  expect(await site.strapi.db.query('api::enrolment.enrolment-settings' as any).findOne({ where: { activity: activity.documentId } })).toMatchObject({ open: true, capacity: 1 });

  // Two residents enrol, the second on the waiting list; one gave a name meant to run as HTML.
  const enrol = async (name: string, answer: string) => {
    const who = `staff-view-${name.length}-${process.pid}@example.org`;
    const role = await site.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const user = await site.strapi.db.query('plugin::users-permissions.user').create({ data: { username: who, email: who, provider: 'local', confirmed: true, role: role.id } });
    await site.strapi.service('api::enrolment.enrolment').enrol(activity.documentId, { name, answers: [answer] }, { ...user, confirmed: true }, 'nl');
    return who;
  };
  const first = await enrol('Anna', 'vegetarisch');
  const second = await enrol('<img src=x onerror="window.pwned=1">', 'geen');
  await page.reload();
  await page.getByText('1 ingeschreven · 1 op de wachtlijst').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Lijst bekijken' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Inschrijvingen: ').waitFor();
  const rows = dialog.locator('tbody tr');
  expect(await rows.allInnerTexts()).toEqual([
    expect.stringMatching(/Anna[\s\S]*Ingeschreven[\s\S]*vegetarisch/),
    expect.stringMatching(/<img src=x onerror="window.pwned=1">[\s\S]*Wachtlijst \(1\)/),
  ]);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && /\/enrolments\/\d+$/.test(response.url()));
  await dialog.getByRole('checkbox', { name: 'Anna was aanwezig' }).click();
  expect((await saved).status()).toBe(200);
  expect((await site.strapi.db.query('api::enrolment.enrolment' as any).findOne({ where: { email: first } })).attended).toBe(true);
  await page.screenshot({ path: path.join(DOCS, 'admin-enrolment.png') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'CSV downloaden' }).click();
  const csv = await fs.readFile((await (await download).path())!, 'utf8');
  expect(csv).toContain('Dieetwensen?');
  expect(csv).toMatch(/Anna,.*vegetarisch,yes/);

  await dialog.getByLabel('Onderwerp').fill('Andere zaal');
  await dialog.getByRole('textbox', { name: 'Bericht' }).fill('We zitten deze keer boven.');
  await dialog.getByRole('button', { name: 'Versturen' }).click();
  await page.getByText('Het bericht gaat naar 2 mensen.').waitFor({ timeout: 30_000 });
  for (const who of [first, second]) await site.mail.waitFor((m) => m.to.includes(who) && /Andere zaal/.test(m.subject), 15_000);
  await dialog.getByRole('button', { name: 'Sluiten' }).last().click();

  // More places move the waiting list up; fewer than people who have one is refused in words, and nothing changes.
  const places = async (count: string) => {
    await panel.getByLabel('Aantal plaatsen').fill(count);
    await panel.getByRole('button', { name: 'Instellingen bewaren' }).click();
  };
  await places('2');
  await page.getByText('2 ingeschreven · 0 op de wachtlijst').waitFor({ timeout: 30_000 });
  await places('1');
  await page.getByText('2 mensen hebben een plaats: minder plaatsen dan dat kan niet. Er is niets veranderd.').waitFor({ timeout: 30_000 });
  expect(await site.strapi.db.query('api::enrolment.enrolment-settings' as any).findOne({ where: { activity: activity.documentId } })).toMatchObject({ capacity: 2 });
});

test("staff let someone into a closed group from the group's side panel, and invite by address", async () => {
  const tag = `${process.pid}`;
  const group = (await site.strapi.documents('api::group.group').create({ data: { name: `Taalmaatjes ${tag}`, slug: `taalmaatjes-${tag}`, visibility: 'closed' } } as any)) as any;
  const role = await site.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const who = `aanvraag-${tag}@example.org`;
  const user = await site.strapi.db.query('plugin::users-permissions.user').create({ data: { username: who, email: who, displayName: 'Fatima', provider: 'local', confirmed: true, role: role.id } });
  await site.strapi.db.query('api::group.membership' as any).create({ data: { group: group.documentId, userId: user.id, status: 'requested' } });
  await page.goto(editView('api::group.group', group.documentId).replace('?plugins[i18n][locale]=nl', ''));
  const members = page.getByRole('list', { name: 'Leden' });
  await members.waitFor({ timeout: 60_000 });
  expect(await members.innerText()).toMatch(/Fatima\s*lid · vraagt om lid te worden/);
  await members.getByRole('button', { name: 'Toelaten' }).click();
  await members.getByRole('button', { name: 'Beheerder maken' }).waitFor({ timeout: 30_000 });
  expect(await site.strapi.db.query('api::group.membership' as any).findOne({ where: { group: group.documentId, userId: user.id } })).toMatchObject({ status: 'active' });

  await page.getByLabel('E-mailadres om uit te nodigen').fill(`niemand-${tag}@example.org`);
  await page.getByRole('button', { name: 'Uitnodigen' }).click();
  await page.getByText('Als dit adres een account heeft, krijgt het een uitnodiging.').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(DOCS, 'admin-group-members.png') });
});
