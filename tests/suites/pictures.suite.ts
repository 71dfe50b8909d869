import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { api, bearer, createDocument, editor, resident, unique } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

/**
 * An organisation's logo and an activity's picture, uploaded by its own
 * editors (#15.5): PUT/DELETE /api/my/organisations/:id/logo and
 * /api/my/activities/:id/image, multipart with one `file`.
 */
const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';
const FILE = 'plugin::upload.file';

const picture = (format: 'png' | 'jpeg' | 'webp', width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .toFormat(format)
    .toBuffer();
/** A phone photo: where it was taken and with what, in its EXIF. */
const phonePhoto = () =>
  sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 200, g: 50, b: 50 } } })
    .withExif({ IFD0: { Make: 'SecretPhoneMaker', ImageDescription: 'Achter mijn huis aan de Geheimstraat 12' } })
    .jpeg()
    .toBuffer();

const fileCount = async () => strapi().db.query(FILE).count({});
const onDisk = (url: string) => path.join(strapi().dirs.static.public, url);
const publicLogo = async (documentId: string) =>
  (await api().get(`/api/organisations/${documentId}`).query({ populate: { logo: { fields: ['url', 'alternativeText'] } } }).expect(200)).body.data.logo;

describe('pictures editors upload for their own listing (#15.5)', () => {
  let owner: Awaited<ReturnType<typeof editor>>;
  let activity: any;
  const logoRoute = () => `/api/my/organisations/${owner.organisation.documentId}/logo`;
  const imageRoute = () => `/api/my/activities/${activity.documentId}/image`;
  const upload = (route: string, jwt: string, content: Buffer, filename = 'logo.png') =>
    api().put(route).set(bearer(jwt)).attach('file', content, { filename, contentType: 'image/png' });

  beforeAll(async () => {
    owner = await editor();
    activity = await createDocument(ACTIVITY, { title: unique('Wandeling'), slug: unique('wandeling'), organisation: owner.organisation.documentId });
  });

  it('a logo is stored with its text for screen readers, shown publicly, and listed in "Mijn vermelding"', async () => {
    const res = await upload(logoRoute(), owner.jwt, await picture('png'), 'Ons logo.png').field('alternativeText', 'Logo van de wandelclub').expect(200);
    const { logo } = res.body.data;
    expect(logo).toMatchObject({ alternativeText: 'Logo van de wandelclub', mime: 'image/png', width: 64, height: 48 });
    expect(logo.url).toMatch(/^\/uploads\/.+\.png$/);
    expect(fs.existsSync(onDisk(logo.url))).toBe(true);
    expect(await publicLogo(owner.organisation.documentId)).toMatchObject({ url: logo.url, alternativeText: 'Logo van de wandelclub' });
    const mine = (await api().get('/api/my/organisations').set(bearer(owner.jwt)).expect(200)).body.data;
    expect(mine.find((o: any) => o.documentId === owner.organisation.documentId).logo.url).toBe(logo.url);
  });

  it('a new logo replaces the old one, whose file is removed; removing the logo removes its file', async () => {
    const first = (await upload(logoRoute(), owner.jwt, await picture('png')).expect(200)).body.data.logo;
    const second = (await upload(logoRoute(), owner.jwt, await picture('webp'), 'nieuw.webp').expect(200)).body.data.logo;
    expect(second.mime).toBe('image/webp');
    expect(fs.existsSync(onDisk(first.url))).toBe(false);
    expect(await strapi().db.query(FILE).findOne({ where: { id: first.id } })).toBeNull();
    expect((await publicLogo(owner.organisation.documentId)).url).toBe(second.url);

    expect((await api().delete(logoRoute()).set(bearer(owner.jwt)).expect(200)).body.data).toEqual({ logo: null });
    expect(await publicLogo(owner.organisation.documentId)).toBeNull();
    expect(fs.existsSync(onDisk(second.url))).toBe(false);
  });

  it('a file staff also use elsewhere stays in the media library when the editor replaces it', async () => {
    const shared = (await upload(logoRoute(), owner.jwt, await picture('png')).expect(200)).body.data.logo;
    const other = await createDocument(ORG, { name: unique('Andere'), slug: unique('andere'), logo: shared.id });
    await upload(logoRoute(), owner.jwt, await picture('png')).expect(200);
    expect(await strapi().db.query(FILE).findOne({ where: { id: shared.id } })).not.toBeNull();
    expect((await publicLogo(other.documentId)).url).toBe(shared.url);
  });

  it('an activity picture is public on the activity, in every language, and drops the photo\'s EXIF', async () => {
    await strapi().documents(ACTIVITY).update({ documentId: activity.documentId, locale: 'en', data: { title: 'A walk', slug: activity.slug } } as any);
    await strapi().documents(ACTIVITY).publish({ documentId: activity.documentId, locale: '*' } as any);
    const res = await upload(imageRoute(), owner.jwt, await phonePhoto(), 'IMG_2041.jpg').expect(200);
    const { image } = res.body.data;
    const stored = fs.readFileSync(onDisk(image.url));
    expect(stored.includes(Buffer.from('SecretPhoneMaker'))).toBe(false);
    expect(stored.includes(Buffer.from('Geheimstraat'))).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    for (const locale of ['nl', 'en']) {
      const body = (await api().get(`/api/activities/${activity.documentId}`).query({ locale, populate: { image: { fields: ['url'] } } }).expect(200)).body;
      expect(body.data.image.url).toBe(image.url);
    }
  });

  it('a large photo is stored at most 2400 pixels on its longest side', async () => {
    const res = await upload(imageRoute(), owner.jwt, await picture('jpeg', 3000, 1000), 'wide.jpg').expect(200);
    expect(res.body.data.image).toMatchObject({ width: 2400, height: 800 });
  });

  describe('refused, with nothing stored', () => {
    let before: number;
    beforeEach(async () => {
      before = await fileCount();
    });
    afterEach(async () => {
      expect(await fileCount()).toBe(before);
    });

    it.each([
      ['text that calls itself a PNG', Buffer.from('not a picture at all, just text'), 'fake.png'],
      ['an SVG (it can carry script)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'), 'logo.svg'],
      ['a PNG header with nothing behind it', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage'.repeat(20))]), 'broken.png'],
      ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'flyer.png'],
    ])('%s: 415 picture.not_an_image', async (_name, content, filename) => {
      const res = await upload(logoRoute(), owner.jwt, content, filename).expect(415);
      expect(res.body.error.details.code).toBe('picture.not_an_image');
    });

    it('a picture larger than PICTURE_MAX_MB: 413', async () => {
      const saved = strapi().config.get('buurtplein.pictures');
      strapi().config.set('buurtplein.pictures', { maxBytes: 1000 });
      try {
        await upload(logoRoute(), owner.jwt, await picture('png', 400, 400)).expect(413);
      } finally {
        strapi().config.set('buurtplein.pictures', saved);
      }
    });

    it('no file, two files, another field name, an unknown field or a too long text: 400', async () => {
      const png = await picture('png');
      await api().put(logoRoute()).set(bearer(owner.jwt)).send({ data: {} }).expect(400);
      await api().put(logoRoute()).set(bearer(owner.jwt)).field('alternativeText', 'zonder bestand').expect(400);
      await api().put(logoRoute()).set(bearer(owner.jwt)).attach('file', png, 'a.png').attach('file', png, 'b.png').expect(400);
      await api().put(logoRoute()).set(bearer(owner.jwt)).attach('picture', png, 'a.png').expect(400);
      await upload(logoRoute(), owner.jwt, png).field('caption', 'x').expect(400);
      const res = await upload(logoRoute(), owner.jwt, png).field('alternativeText', 'x'.repeat(201)).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    });

    it('someone else\'s organisation or activity: 404, and the owner\'s picture stays', async () => {
      const kept = (await api().get('/api/my/organisations').set(bearer(owner.jwt))).body.data[0].logo;
      const stranger = await editor();
      const png = await picture('png');
      await upload(logoRoute(), stranger.jwt, png).expect(404);
      await upload(imageRoute(), stranger.jwt, png).expect(404);
      await api().delete(logoRoute()).set(bearer(stranger.jwt)).expect(404);
      await api().delete(imageRoute()).set(bearer(stranger.jwt)).expect(404);
      expect((await api().get('/api/my/organisations').set(bearer(owner.jwt))).body.data[0].logo).toEqual(kept);
    });

    it('a resident without an organisation: 403; without a login: 401', async () => {
      const { jwt } = await resident();
      const png = await picture('png');
      await upload(logoRoute(), jwt, png).expect(403);
      await api().delete(imageRoute()).set(bearer(jwt)).expect(403);
      await api().put(logoRoute()).attach('file', png, 'a.png').expect(401);
      await api().delete(logoRoute()).expect(403);
    });

    it('a malformed documentId: 400', async () => {
      await upload('/api/my/organisations/not-an-id/logo', owner.jwt, await picture('png')).expect(400);
    });
  });
});
