import { adminToken, removeAdmins } from '../../../../../tests/helpers/admin';
import { api, bearer, resident, unique } from '../../../../../tests/helpers/fixtures';
import { ensureDemoVocabulary, removeImported } from '../../../../../tests/helpers/import';
import { strapi } from '../../../../../tests/helpers/strapi';

/** The staff page's routes: GET /bulk-import/types and POST /bulk-import/imports (multipart). */
const ORG = 'api::organisation.organisation';
const ORG_HEADER = 'externalId;name;categories;neighbourhoods;latitude;longitude;reminderEmail';
const orgCsv = (...rows: string[]) => [ORG_HEADER, ...rows].join('\n');
const PREFIX = 'bulkplugin-';

beforeAll(async () => {
  await ensureDemoVocabulary();
}, 60_000);

afterAll(async () => {
  await removeAdmins();
  await removeImported(ORG, [PREFIX]);
}, 120_000);

describe('bulk-import: who may upload', () => {
  const upload = (auth: Record<string, string> = {}) =>
    api().post('/bulk-import/imports').set(auth).field('type', 'organisations').field('dryRun', 'true').attach('file', Buffer.from(orgCsv(`${unique(PREFIX)};Upload;Sport;Westwijk;;;`)), 'orgs.csv');

  it('refuses the public, residents and editors', async () => {
    await upload().expect(401);
    const { jwt } = await resident();
    await upload(bearer(jwt)).expect(401);
    const editorRole = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'editor' } });
    const editor = await resident({ role: editorRole.id });
    await upload(bearer(editor.jwt)).expect(401);
    await api().get('/bulk-import/types').expect(401);
  });

  it('tells staff which types they may choose', async () => {
    const res = await api().get('/bulk-import/types').set(bearer(await adminToken())).expect(200);
    expect(res.body.data).toEqual(['organisations', 'activities']);
  });
});

describe('bulk-import: the upload', () => {
  it('imports for staff and answers with the report', async () => {
    const auth = bearer(await adminToken());
    const tag = unique(PREFIX);
    const res = await api().post('/bulk-import/imports').set(auth).field('allOrNothing', 'false')
      .attach('file', Buffer.from(orgCsv(`${tag};Staff ${tag};Cursussen;Westwijk;52.15;5.38;`, `${tag}-x;;Cursussen;Westwijk;;;`)), 'orgs.csv')
      .expect(200);
    expect(res.body.data).toMatchObject({ type: 'organisations', dryRun: false, written: true, totals: { created: 1, rejected: 1 } });
    expect(res.body.data.rows[1]).toMatchObject({ line: 3, problems: [{ field: 'name', reason: 'missing name' }] });
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const auth = bearer(await adminToken());
    const tag = unique(PREFIX);
    const res = await api().post('/bulk-import/imports').set(auth).field('dryRun', 'true')
      .attach('file', Buffer.from(orgCsv(`${tag};Proef ${tag};Cursussen;Westwijk;52.15;5.38;`)), 'orgs.csv')
      .expect(200);
    expect(res.body.data).toMatchObject({ dryRun: true, written: false, totals: { created: 1 } });
    expect(await strapi().db.query(ORG).count({ where: { externalId: tag } })).toBe(0);
  });

  it.each([
    ['an unknown type', (r: any) => r.field('type', 'subsidies').attach('file', Buffer.from('a'), 'x.csv')],
    ['no file', (r: any) => r.field('dryRun', 'true')],
    ['two files', (r: any) => r.attach('file', Buffer.from(orgCsv()), 'a.csv').attach('file', Buffer.from(orgCsv()), 'b.csv')],
    ['dryRun that is neither true nor false', (r: any) => r.field('dryRun', 'maybe').attach('file', Buffer.from(orgCsv()), 'a.csv')],
    ['allOrNothing that is neither true nor false', (r: any) => r.field('allOrNothing', 'yes').attach('file', Buffer.from(orgCsv()), 'a.csv')],
    ['JSON that does not parse', (r: any) => r.attach('file', Buffer.from('{ nope'), 'x.json')],
  ])('%s is a 400 in Strapi\'s error shape', async (_name, send) => {
    const res = await send(api().post('/bulk-import/imports').set(bearer(await adminToken()))).expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  });
});
