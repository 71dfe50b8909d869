import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript } from '../helpers/cli';
import { runImport, type ImportReport } from '../../src/import';
import { removeAdmins } from '../helpers/admin';
import { ensureDemoVocabulary, refuseRowsWith, removeImported } from '../helpers/import';
import { api, createDocument, createSocialMap, unique } from '../helpers/fixtures';
import { mailSink, strapi } from '../helpers/strapi';

const ORG = 'api::organisation.organisation';
const ACT = 'api::activity.activity';
const SAMPLES = path.resolve(__dirname, '../../data/samples');
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

const ORG_HEADER = 'externalId;name;categories;neighbourhoods;latitude;longitude;reminderEmail';
const orgCsv = (...rows: string[]) => [ORG_HEADER, ...rows].join('\n');
const rowsOf = (report: ImportReport, status: string) => report.rows.filter((r) => r.status === status);
const count = (uid: string, prefix: string) => strapi().db.query(uid as any).count({ where: { externalId: { $startsWith: prefix } } });

beforeAll(async () => {
  await ensureDemoVocabulary();
}, 60_000);

// The samples use the demo town's names, so their slugs would block the demo seed suite: leave nothing behind.
afterAll(async () => {
  await removeAdmins();
  await removeImported(ACT, ['eemdal-', 'broken-act-']);
  await removeImported(ORG, ['eemdal-']);
}, 180_000);

describe('import: the launch scenario', () => {
  it('imports 200 organisations and 350 activities, then changes nothing on a second run, and exactly one item for one changed row', async () => {
    const orgs = await runImport(strapi(), sample('launch-organisations.csv'));
    expect(orgs).toMatchObject({ type: 'organisations', written: true, totals: { created: 200, updated: 0, unchanged: 0, rejected: 0 } });
    const acts = await runImport(strapi(), sample('launch-activities.csv'));
    expect(acts.totals).toEqual({ created: 350, updated: 0, unchanged: 0, rejected: 0 });

    const live = await strapi().db.query(ORG).count({ where: { externalId: { $startsWith: 'eemdal-org-' }, publishedAt: { $notNull: true }, locale: 'nl', approvalStatus: 'approved' } });
    expect(live).toBe(200);
    const recurring = await strapi().db.query(ACT).count({ where: { externalId: { $startsWith: 'eemdal-act-' }, publishedAt: { $notNull: true }, locale: 'nl', recurrence: { $notNull: true } } });
    expect(recurring).toBeGreaterThan(50);
    const linked = await strapi().db.query(ACT).findOne({ where: { externalId: 'eemdal-act-00001', publishedAt: { $notNull: true }, locale: 'nl' }, populate: { organisation: { select: ['externalId'] }, categories: { select: ['slug'] } } });
    expect(linked.organisation.externalId).toBe('eemdal-org-0001');
    expect(linked.categories.map((c: any) => c.slug)).toEqual(['maaltijden']);

    const stamp = async () => (await strapi().db.query(ORG).findMany({ where: { externalId: { $startsWith: 'eemdal-org-' } }, select: ['updatedAt'] })).map((r: any) => String(r.updatedAt)).sort().join();
    const before = await stamp();
    const rowsBefore = await count(ORG, 'eemdal-org-');
    expect((await runImport(strapi(), sample('launch-organisations.csv'))).totals).toEqual({ created: 0, updated: 0, unchanged: 200, rejected: 0 });
    expect((await runImport(strapi(), sample('launch-activities.csv'))).totals).toEqual({ created: 0, updated: 0, unchanged: 350, rejected: 0 });
    expect(await stamp()).toBe(before);
    expect(await count(ORG, 'eemdal-org-')).toBe(rowsBefore);

    const changed = sample('launch-organisations.csv').replace(/033-\d{7}/, '033-1234567');
    const third = await runImport(strapi(), changed);
    expect(third.totals).toEqual({ created: 0, updated: 1, unchanged: 199, rejected: 0 });
    const updated = rowsOf(third, 'updated')[0];
    expect(updated).toMatchObject({ line: 2, externalId: 'eemdal-org-0001' });
    const published = await strapi().db.query(ORG).findOne({ where: { externalId: 'eemdal-org-0001', publishedAt: { $notNull: true }, locale: 'nl' } });
    expect(published.phone).toBe('033-1234567');
  }, 300_000);

  it('imported organisations are approved, live, without editors: claimable and on the quarterly reminder list', async () => {
    const org = await strapi().db.query(ORG).findOne({ where: { externalId: 'eemdal-org-0002', publishedAt: { $notNull: true }, locale: 'nl' }, populate: { members: true } });
    expect(org).toMatchObject({ approvalStatus: 'approved', reminderEmail: 'beheer@fietsmaatjes-binnenstad.example', members: [] });
    mailSink().clear();
    await api().post(`/api/organisations/${org.documentId}/claim`).send({}).expect(200);
    await mailSink().waitFor({ to: org.reminderEmail, subject: /Beheer .* zelf/ }, 10_000);

    const reminders = strapi().plugin('listing-reminders').service('reminders');
    const period = '2099-Q1';
    const before = (await reminders.run({ period, trigger: 'cli', dryRun: true })).wouldSend;
    const tag = unique('rem');
    await runImport(strapi(), orgCsv(`${tag}-1;Herinnering een ${tag};Ontmoeting;Binnenstad;;;a-${tag}@secret.example`, `${tag}-2;Herinnering twee ${tag};Ontmoeting;Binnenstad;;;b-${tag}@secret.example`));
    expect((await reminders.run({ period, trigger: 'cli', dryRun: true })).wouldSend).toBe(before + 2);
  });
});

describe('import: bad rows', () => {
  it('reports each broken row with line, field and reason, and imports the good rows', async () => {
    const report = await runImport(strapi(), sample('broken-rows.csv'));
    expect(report.totals).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 17 });
    expect(rowsOf(report, 'created').map((r) => r.line)).toEqual([2, 19]);
    const problem = (line: number) => report.rows.find((r) => r.line === line)!.problems!;
    expect(problem(3)).toEqual([{ field: 'title', reason: 'missing title' }]);
    expect(problem(4)[0]).toMatchObject({ field: 'startsAt', reason: expect.stringMatching(/^bad date/) });
    expect(problem(6)[0]).toMatchObject({ field: 'endsAt', reason: 'bad date: ends before it starts' });
    expect(problem(7)).toEqual([{ field: 'latitude', reason: 'bad coordinates: "52,1x" is not a number' }]);
    expect(problem(9)[0]).toMatchObject({ field: 'longitude', reason: expect.stringMatching(/^bad coordinates/) });
    expect(problem(10)).toEqual([{ field: 'categories', reason: 'unknown category "Paardrijden"' }]);
    expect(problem(11)[0]).toMatchObject({ field: 'neighbourhood', reason: 'unknown neighbourhood "Atlantis"' });
    expect(problem(12)[0]).toMatchObject({ field: 'organisation', reason: expect.stringContaining('eemdal-org-9999') });
    expect(problem(16)).toEqual([{ field: 'externalId', reason: 'missing externalId' }]);
    expect(problem(17)[0].reason).toMatch(/more than once \(lines 17, 18\)/);
    expect(await strapi().db.query('api::category.category').count({ where: { name: 'Paardrijden' } })).toBe(0);
    const accented = await strapi().db.query(ACT).findOne({ where: { externalId: 'broken-act-02', locale: 'nl' }, populate: { categories: { select: ['slug'] } } });
    expect(accented.categories.map((c: any) => c.slug)).toEqual(['sport']);
  });

  it('all-or-nothing: one bad row and nothing at all is written', async () => {
    const tag = unique('aon');
    const file = orgCsv(`${tag}-1;Een ${tag};Sport;Westwijk;52.1;5.3;x@y.example`, `${tag}-2;Twee ${tag};Sport;Westwijk;52.1;;x@y.example`, `${tag}-3;Drie ${tag};Sport;Westwijk;;;x@y.example`);
    const report = await runImport(strapi(), file, { allOrNothing: true });
    expect(report).toMatchObject({ written: false, totals: { created: 2, rejected: 1 } });
    expect(report.rows[1]).toMatchObject({ line: 3, status: 'rejected', problems: [{ field: 'longitude' }] });
    expect(await count(ORG, tag)).toBe(0);
  });

  it.each(['bulk', 'document-service'] as const)('a write that fails halfway rolls back the whole file in all-or-nothing mode, and only that row otherwise (%s)', async (writer) => {
    const tag = unique('boom');
    const allow = await refuseRowsWith(ORG, 'name', `Ontplof ${tag}`);
    try {
      const file = orgCsv(`${tag}-1;Een ${tag};Sport;Westwijk;;;`, `${tag}-2;Ontplof ${tag};Sport;Westwijk;;;`, `${tag}-3;Drie ${tag};Sport;Westwijk;;;`);
      const all = await runImport(strapi(), file, { allOrNothing: true, writer });
      expect(all.written).toBe(false);
      expect(all.rows[1]).toMatchObject({ status: 'rejected', problems: [{ field: '(row)', reason: expect.stringMatching(/^not saved: .*the database refused this row$/) }] });
      expect(all.rows[1].problems![0].reason).not.toMatch(/insert into/i);
      expect(await count(ORG, tag)).toBe(0);

      const each = await runImport(strapi(), file, { writer });
      expect(each.totals).toMatchObject({ created: 2, rejected: 1 });
      expect(each.rows[1]).toMatchObject({ line: 3, status: 'rejected' });
      expect(await strapi().db.query(ORG).count({ where: { externalId: { $startsWith: tag }, locale: 'nl', publishedAt: { $notNull: true } } })).toBe(2);
    } finally {
      await allow();
    }
  });
});

describe('import: files and matching', () => {
  it('reads CSV with "," and a BOM, matches names and slugs without regard to case or accents, and reports unknown ones', async () => {
    const tag = unique('match');
    const csv = '\uFEFFexternalId,name,categories,neighbourhoods\n' +
      `${tag}-1,Een ${tag},Sport en Bewegen|sport-en-bewegen|Spórt en bewegen|SPORT,de hoven\n` +
      `${tag}-2,Twee ${tag},Breien,Bloemenbuurt\n`;
    const report = await runImport(strapi(), csv);
    expect(report.rows[0]).toMatchObject({ line: 2, status: 'created' });
    expect(report.rows[1]).toMatchObject({ line: 3, status: 'rejected', problems: [{ field: 'categories', reason: 'unknown category "Breien"' }] });
    const org = await strapi().db.query(ORG).findOne({ where: { externalId: `${tag}-1`, locale: 'nl' }, populate: { categories: { select: ['slug'] }, neighbourhoods: { select: ['slug'] } } });
    expect(org.categories.map((c: any) => c.slug)).toEqual(['sport']);
    expect(org.neighbourhoods.map((n: any) => n.slug)).toEqual(['de-hoven']);
  });

  it('reads the JSON sample and English columns', async () => {
    const report = await runImport(strapi(), sample('example-activities.json'), { filename: 'example-activities.json' });
    expect(report.totals.created + report.totals.unchanged).toBe(5);
    const withEnglish = JSON.parse(sample('example-activities.json')).find((a: any) => a.title_en);
    const en = await strapi().db.query(ACT).findOne({ where: { externalId: withEnglish.externalId, locale: 'en', publishedAt: { $notNull: true } } });
    expect(en.title).toBe(withEnglish.title_en);
  });

  it('refuses a file without the required columns as a whole', async () => {
    await expect(runImport(strapi(), 'name;city\nX;Eemdal\n')).rejects.toThrow(/no column externalId/);
  });
});

describe('open-data export', () => {
  it('HSDS and CSV hold published, non-archived items with public fields only', async () => {
    const map = await createSocialMap();
    const hsds = await api().get('/api/export/hsds').expect(200);
    const names = hsds.body.contents.map((o: any) => o.name);
    expect(names).toContain(map.published.name);
    expect(names).not.toContain(map.draft.name);
    expect(names).not.toContain(map.archived.name);
    const org = hsds.body.contents.find((o: any) => o.name === map.published.name);
    expect(org.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(org.services.map((s: any) => s.name)).toEqual([map.activity.title]);
    expect(org.services[0]).toMatchObject({ organization_id: org.id, status: 'active' });
    // HSDS needs an organization for every service: an activity of an archived organisation has none to hang on.
    expect(hsds.text).not.toContain(map.orphanActivity.title);

    for (const res of [hsds, await api().get('/api/export/organisations.csv').expect(200), await api().get('/api/export/activities.csv').expect(200)]) {
      const text = res.text;
      expect(text).not.toContain('secret.example');
      expect(text).not.toContain(map.member.email);
      expect(text).not.toContain(map.draft.name);
      expect(text).not.toContain(map.archived.name);
      expect(text).not.toMatch(/reminderEmail|members/);
    }
    const csv = await api().get('/api/export/organisations.csv').expect('Content-Type', /text\/csv/);
    expect(csv.text.split('\n')[0]).toMatch(/^documentId,externalId,slug,name,/);
    expect(csv.text).toContain(map.published.name);
    await api().get('/api/export/subsidies.csv').expect(404);
  });

  it('writes no cell a spreadsheet would run as a formula, and imports its own export unchanged', async () => {
    const externalId = unique('formula');
    const name = `=HYPERLINK("http://evil.example";"klik ${externalId}")`;
    await createDocument(ORG, {
      name,
      slug: unique('formula'),
      externalId,
      description: '@SUM(1+1)',
      phone: '+31 33 1234567',
      city: '-Stad',
      latitude: 52.1,
      longitude: -4.9,
      reminderEmail: `${externalId}@secret.example`,
    });
    const csv = (await api().get('/api/export/organisations.csv').expect(200)).text;
    const [header, ...lines] = csv.trim().split('\n');
    const row = lines.find((line) => line.includes(externalId))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"";""klik ${externalId}"")"`);
    expect(row).toContain("'@SUM(1+1)");
    expect(row).toContain("'+31 33 1234567");
    expect(row).toContain("'-Stad");
    expect(row).toContain(',52.1,-4.9,');
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);

    const report = await runImport(strapi(), [header, row].join('\n'), { type: 'organisations' });
    expect(report.totals).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
    const stored = await strapi().db.query(ORG).findOne({ where: { externalId, locale: 'nl', publishedAt: { $notNull: true } } });
    expect(stored).toMatchObject({ name, description: '@SUM(1+1)', phone: '+31 33 1234567', city: '-Stad' });
  });

  it('the export command writes only data to --out and counts on standard error; the import takes "activity" for "activities"', async () => {
    const out = path.join(os.tmpdir(), `${unique('hsds')}.json`);
    try {
      const exported = await runScript('export.js', ['--format', 'hsds', '--out', out]);
      expect(exported.code).toBe(0);
      const hsds = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(exported.out).toContain(`[export] ${hsds.contents.length} organisations with `);
    } finally {
      fs.rmSync(out, { force: true });
    }
    const csv = path.join(os.tmpdir(), `${unique('orphans')}.csv`);
    fs.writeFileSync(csv, `externalId;title;organisation\n${unique('a')};Een;nobody-1\n${unique('b')};Twee;nobody-2\n`);
    try {
      const imported = await runScript('import.js', [csv, '--type', 'activity', '--dry-run']);
      expect(imported.code).toBe(0);
      expect(imported.out).toMatch(/0 created, 0 updated, 0 unchanged, 2 rejected/);
      expect(imported.out).toMatch(/hint: none of these organisations is known yet: import the organisations first/);
    } finally {
      fs.rmSync(csv, { force: true });
    }
  }, 120_000);

  it('turns a weekly activity into an HSDS schedule', async () => {
    const tag = unique('sched');
    const org = await createDocument(ORG, { name: `Org ${tag}`, slug: `org-${tag}` });
    await createDocument(ACT, { title: `Wekelijks ${tag}`, slug: `wekelijks-${tag}`, organisation: org.documentId, startsAt: '2027-01-05T09:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T000000Z', cost: 2.5 });
    const hsds = (await api().get('/api/export/hsds').expect(200)).body;
    const service = hsds.contents.find((o: any) => o.name === `Org ${tag}`).services[0];
    expect(service.schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'TU', dtstart: '2027-01-05', opens_at: '10:00+01:00', until: '2027-06-01', valid_from: '2027-01-05' });
    expect(service.cost_options[0]).toMatchObject({ currency: 'EUR', amount: 2.5 });
  });
});
