import { api, bearer, createDocument, resident, unique } from '../../../../tests/helpers/fixtures';
import { strapi } from '../../../../tests/helpers/strapi';

const GROUP = 'api::group.group';
const MEMBERSHIP = 'api::group.membership';

type Person = Awaited<ReturnType<typeof resident>>;

describe('articles written inside a group', () => {
  const tag = unique('kennis');
  let group: { documentId: string };
  let admin: Person;
  let author: Person;
  let otherMember: Person;
  let outsider: Person;
  const join = (person: Person, role: 'member' | 'admin', groupId = group.documentId) =>
    strapi().db.query(MEMBERSHIP as any).create({ data: { group: groupId, userId: person.user.id, role, status: 'active' } });
  const write = (person: Person | null, data: Record<string, unknown>, groupId = group.documentId) =>
    api().post(`/api/groups/${groupId}/articles`).set(person ? bearer(person.jwt) : {}).send({ data });
  const edit = (person: Person, documentId: string, data: Record<string, unknown>) => api().put(`/api/my/articles/${documentId}`).set(bearer(person.jwt)).send({ data });
  const publish = (person: Person, documentId: string) => api().post(`/api/my/articles/${documentId}/publish`).set(bearer(person.jwt));

  beforeAll(async () => {
    group = await createDocument(GROUP, { name: `Werkgroep ${tag}`, slug: `werkgroep-${tag}`, visibility: 'closed' });
    [admin, author, otherMember, outsider] = await Promise.all([resident(), resident(), resident(), resident()]);
    await join(admin, 'admin');
    await join(author, 'member');
    await join(otherMember, 'member');
  });

  it('lets a member write a draft that only a group admin publishes, for the group by default', async () => {
    const written = await write(author, { title: `Vrijwilligersbeleid opstellen ${tag}`, kind: 'guide', body: 'Stap 1: …' }).expect(201);
    expect(written.body.data).toMatchObject({ isPublished: false });
    const { documentId } = written.body.data;
    await api().get(`/api/articles/${documentId}`).set(bearer(author.jwt)).expect(404);
    await publish(author, documentId).expect(403);
    await publish(admin, documentId).expect(200);
    await api().get(`/api/articles/${documentId}`).set(bearer(otherMember.jwt)).expect(200);
    await api().get(`/api/articles/${documentId}`).set(bearer(outsider.jwt)).expect(404);
    const read = await api().get(`/api/articles/${documentId}?populate=group`).set(bearer(author.jwt)).expect(200);
    expect(read.body.data).toMatchObject({ visibility: 'group', kind: 'guide', group: { documentId: group.documentId } });
    expect(JSON.stringify(read.body)).not.toContain(author.user.email);
  });

  it("keeps a member's edit of a published article as a draft until an admin's, which goes live", async () => {
    const { documentId } = (await write(author, { title: `Huisregels ${tag}` }).expect(201)).body.data;
    await publish(admin, documentId).expect(200);
    expect((await edit(author, documentId, { title: `Huisregels (nieuw) ${tag}` }).expect(200)).body.data.isPublished).toBe(false);
    expect((await api().get(`/api/articles/${documentId}`).set(bearer(author.jwt)).expect(200)).body.data.title).toBe(`Huisregels ${tag}`);
    await edit(otherMember, documentId, { title: 'Niet van mij' }).expect(403);
    await edit(outsider, documentId, { title: 'Ook niet' }).expect(404);
    expect((await edit(admin, documentId, { title: `Huisregels 2027 ${tag}`, visibility: 'public' }).expect(200)).body.data.isPublished).toBe(true);
    expect((await api().get(`/api/articles/${documentId}`).expect(200)).body.data.title).toBe(`Huisregels 2027 ${tag}`);
  });

  it('refuses someone outside the group (404 for a secret one), the public and bad input, writing nothing', async () => {
    const secret = await createDocument(GROUP, { name: `Geheim ${tag}`, slug: `geheim-${tag}`, visibility: 'secret' });
    expect((await write(outsider, { title: `Buitenstaander ${tag}` }).expect(403)).body.error.details.code).toBe('group.not_member');
    await write(outsider, { title: `Buitenstaander ${tag}` }, secret.documentId).expect(404);
    await write(null, { title: `Anoniem ${tag}` }).expect(403);
    for (const data of [{}, { title: 'x' }, { title: `Verborgen ${tag}`, visibility: 'hidden' }, { title: `Veld ${tag}`, group: secret.documentId }, { title: `Veld ${tag}`, tags: 'los' }]) {
      await write(author, data).expect(400);
    }
    await write(author, { title: `Status ${tag}`, publishedAt: new Date().toISOString() }).expect(403);
    const titles = (await strapi().db.query('api::article.article').findMany({ where: { title: { $contains: tag } }, select: ['title'] })).map((a: { title: string }) => a.title);
    expect(titles.filter((t: string) => /Buitenstaander|Anoniem|Verborgen|Veld|Status/.test(t))).toEqual([]);
  });
});
