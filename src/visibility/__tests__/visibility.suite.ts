import { api, bearer, createDocument, madeUpWord, resident, unique } from '../../../tests/helpers/fixtures';
import { mailSink, strapi } from '../../../tests/helpers/strapi';
import { adminToken, removeAdmins } from '../../../tests/helpers/admin';

const GROUP = 'api::group.group';
const ARTICLE = 'api::article.article';
const QUESTION = 'api::question.question';
const ANSWER = 'api::answer.answer';
const MEMBERSHIP = 'api::group.membership';

type Headers = Record<string, string>;
type Named = { title?: string; name?: string };

/**
 * The visibility matrix: every kind of reader against every kind of item,
 * through every REST read path. A reader who may not see an item finds
 * nothing: not in a list, not by documentId or slug, not through populate,
 * not by filtering on a relation.
 */
describe('visibility of groups, articles, questions and answers', () => {
  const tag = unique('vis');
  // A word only this suite's items hold, for search.
  const word = madeUpWord();
  const groups: Record<'open' | 'closed' | 'secret', { documentId: string; name: string }> = {} as any;
  const articles: Record<string, { documentId: string; title: string; slug: string }> = {};
  const questions: Record<string, { documentId: string; title: string }> = {};
  const answers: Record<string, { documentId: string; body: string }> = {};
  const readers: Record<string, Headers> = {};
  let category: { documentId: string; slug: string };
  /** Document Service list calls, counted only while a test asks: shows which path answered. */
  const listCalls = { counting: false, n: 0 };

  const ARTICLE_KINDS = {
    public: { visibility: 'public' },
    members: { visibility: 'members' },
    closedGroup: { visibility: 'group', group: 'closed' },
    hidden: { visibility: 'hidden' },
    publicInSecret: { visibility: 'public', group: 'secret' },
    secretGroup: { visibility: 'group', group: 'secret' },
  } as const;

  /** Which article, question and answer each reader sees (the linking article is public and seen by all). */
  const SEES: Record<string, { articles: string[]; groups: string[]; questions: string[] }> = {
    anonymous: { articles: ['public'], groups: ['open', 'closed'], questions: ['public'] },
    resident: { articles: ['public', 'members'], groups: ['open', 'closed'], questions: ['public'] },
    closedMember: { articles: ['public', 'members', 'closedGroup'], groups: ['open', 'closed'], questions: ['public', 'closed'] },
    secretAdmin: { articles: ['public', 'members', 'publicInSecret', 'secretGroup'], groups: ['open', 'closed', 'secret'], questions: ['public', 'secret'] },
    staff: { articles: Object.keys(ARTICLE_KINDS), groups: ['open', 'closed', 'secret'], questions: ['public', 'closed', 'secret', 'reported'] },
  };
  const READERS = Object.keys(SEES);

  const member = async (group: string, role: 'member' | 'admin' = 'member') => {
    const { user, jwt } = await resident();
    await strapi().db.query(MEMBERSHIP as any).create({ data: { group, userId: user.id, role, status: 'active' } });
    return bearer(jwt);
  };

  beforeAll(async () => {
    strapi().documents.use(async (context, next) => {
      if (listCalls.counting && (context.action === 'findMany' || context.action === 'count')) listCalls.n++;
      return next();
    });
    category = await createDocument('api::category.category', { name: `Kennis ${tag}`, slug: `kennis-${tag}` });
    for (const visibility of ['open', 'closed', 'secret'] as const) {
      groups[visibility] = await createDocument(GROUP, { name: `Groep ${visibility} ${tag}`, slug: `groep-${visibility}-${tag}`, visibility });
    }
    for (const [kind, { visibility, group }] of Object.entries(ARTICLE_KINDS) as [string, { visibility: string; group?: 'closed' | 'secret' }][]) {
      articles[kind] = await createDocument(ARTICLE, {
        title: `Artikel ${kind} ${tag}`,
        slug: `artikel-${kind}-${tag}`.toLowerCase(),
        body: `Over subsidies en zonnepanelen, ${word}`,
        visibility,
        categories: [category.documentId],
        ...(group ? { group: groups[group].documentId } : {}),
      });
    }
    // One public article that links to all the others.
    articles.linker = await createDocument(ARTICLE, {
      title: `Artikel linker ${tag}`,
      slug: `artikel-linker-${tag}`,
      body: `Alles over ${word}`,
      visibility: 'public',
      categories: [category.documentId],
      related: Object.keys(ARTICLE_KINDS).map((kind) => articles[kind].documentId),
    });
    for (const [kind, group] of [['public', null], ['closed', 'closed'], ['secret', 'secret'], ['reported', null]] as const) {
      questions[kind] = await createDocument(QUESTION, { title: `Vraag ${kind} ${tag}`, body: `Hoe zit het met ${word}?`, status: kind === 'reported' ? 'hidden' : 'visible', ...(group ? { group: groups[group].documentId } : {}) });
      answers[kind] = await createDocument(ANSWER, { body: `Antwoord ${kind} ${tag}`, question: questions[kind].documentId });
    }
    readers.anonymous = {};
    readers.resident = bearer((await resident()).jwt);
    readers.closedMember = await member(groups.closed.documentId);
    readers.secretAdmin = await member(groups.secret.documentId, 'admin');
    const token = await strapi().service('admin::api-token').create({ name: unique('staff'), type: 'full-access', lifespan: null });
    readers.staff = bearer(token.accessKey);
  });

  const titles = (body: { data: Named[] | null }) => (body.data ?? []).map((item) => item.title ?? item.name).sort();
  const articleTitles = (kinds: string[]) => kinds.map((kind) => articles[kind].title).sort();

  it.each(READERS)('lists, finds by documentId and by slug only the articles the %s may see', async (reader) => {
    const seen = SEES[reader].articles;
    const list = await api().get(`/api/articles?filters[title][$endsWith]=${tag}&pagination[pageSize]=50`).set(readers[reader]).expect(200);
    expect(titles(list.body)).toEqual(articleTitles([...seen, 'linker']));
    expect(list.body.meta.pagination.total).toBe(seen.length + 1);
    for (const [kind, article] of Object.entries(articles)) {
      const visible = kind === 'linker' || seen.includes(kind);
      const one = await api().get(`/api/articles/${article.documentId}`).set(readers[reader]);
      expect([kind, one.status]).toEqual([kind, visible ? 200 : 404]);
      const bySlug = await api().get(`/api/articles?filters[slug][$eq]=${article.slug}`).set(readers[reader]).expect(200);
      expect([kind, bySlug.body.data.length]).toEqual([kind, visible ? 1 : 0]);
    }
  });

  it.each(READERS)('shows the %s only the related articles they may see, in every form of populate', async (reader) => {
    const expected = articleTitles(SEES[reader].articles);
    const linker = `/api/articles/${articles.linker.documentId}`;
    for (const populate of ['populate=related', 'populate=*', 'populate[0]=related', 'populate[related]=true', 'populate[related][populate][group]=true', 'populate[related][filters][title][$contains]=Artikel']) {
      const res = await api().get(`${linker}?${populate}`).set(readers[reader]).expect(200);
      expect([populate, titles({ data: res.body.data.related })]).toEqual([populate, expected]);
    }
    // Counting related articles counts only what the reader may see (or is refused).
    const counted = await api().get(`${linker}?populate[related][count]=true`).set(readers[reader]);
    if (counted.status === 200) expect(counted.body.data.related).toEqual({ count: expected.length });
    else expect(counted.status).toBe(400);
    // Two levels deep: the related articles' own related articles.
    const deep = await api().get(`${linker}?populate[related][populate][related]=true`).set(readers[reader]).expect(200);
    for (const related of deep.body.data.related) expect(related.related.every((item: Named) => expected.includes(item.title!) || item.title === articles.linker.title)).toBe(true);
  });

  it.each(READERS)('lets the %s filter and sort through relations only by what they may see', async (reader) => {
    for (const kind of Object.keys(ARTICLE_KINDS)) {
      const res = await api().get(`/api/articles?filters[related][title][$eq]=${encodeURIComponent(articles[kind].title)}`).set(readers[reader]).expect(200);
      expect([kind, titles(res.body)]).toEqual([kind, SEES[reader].articles.includes(kind) ? [articles.linker.title] : []]);
    }
    // Strapi negates relation filters per joined row, so a hidden related row would count as "not matching": refused.
    const negated = await api().get(`/api/articles?filters[$not][related][id][$null]=true`).set(readers[reader]);
    expect(negated.status).toBe(reader === 'staff' ? 200 : 400);
    const byGroup = await api().get(`/api/articles?filters[group][name][$eq]=${encodeURIComponent(groups.secret.name)}`).set(readers[reader]).expect(200);
    expect(titles(byGroup.body)).toEqual(articleTitles(SEES[reader].articles.filter((kind) => kind === 'publicInSecret' || kind === 'secretGroup')));
    const sorted = await api().get('/api/articles?sort=related.title').set(readers[reader]);
    expect(sorted.status).toBe(reader === 'staff' ? 200 : 400);
  });

  it.each(READERS)('shows the %s only the groups, questions and answers they may see', async (reader) => {
    const seen = SEES[reader];
    const list = await api().get(`/api/groups?filters[name][$endsWith]=${tag}`).set(readers[reader]).expect(200);
    expect(titles(list.body)).toEqual(seen.groups.map((kind) => groups[kind as 'open'].name).sort());
    for (const [kind, group] of Object.entries(groups)) {
      expect([kind, (await api().get(`/api/groups/${group.documentId}`).set(readers[reader])).status]).toEqual([kind, seen.groups.includes(kind) ? 200 : 404]);
    }
    const asked = await api().get(`/api/questions?filters[title][$endsWith]=${tag}`).set(readers[reader]).expect(200);
    expect(titles(asked.body)).toEqual(seen.questions.map((kind) => questions[kind].title).sort());
    const answered = await api().get(`/api/answers?filters[body][$endsWith]=${tag}&populate=question`).set(readers[reader]).expect(200);
    expect(answered.body.data.map((a: { body: string }) => a.body).sort()).toEqual(seen.questions.map((kind) => answers[kind].body).sort());
    for (const [kind, answer] of Object.entries(answers)) {
      expect([kind, (await api().get(`/api/answers/${answer.documentId}`).set(readers[reader])).status]).toEqual([kind, seen.questions.includes(kind) ? 200 : 404]);
    }
    const viaQuestion = await api().get(`/api/answers?filters[question][title][$eq]=${encodeURIComponent(questions.secret.title)}`).set(readers[reader]).expect(200);
    expect(viaQuestion.body.data.length).toBe(seen.questions.includes('secret') ? 1 : 0);
  });

  it.each(READERS)('lets search find for the %s exactly the articles and questions the lists show them', async (reader) => {
    const found = await api().get(`/api/search?q=${word}&types=article,question&pageSize=50`).set(readers[reader]).expect(200);
    const expected = [...articleTitles([...SEES[reader].articles, 'linker']), ...SEES[reader].questions.map((kind) => questions[kind].title)].sort();
    expect(found.body.data.map((hit: { title: string }) => hit.title).sort()).toEqual(expected);
    expect(found.body.meta.pagination.total).toBe(expected.length);
    // Without types, search keeps to the social map.
    expect((await api().get(`/api/search?q=${word}`).set(readers[reader]).expect(200)).body.data).toEqual([]);
  });

  it.each(READERS.filter((reader) => reader !== 'staff'))(
    "answers the %s's common lists on the fast path with the bytes of Strapi's own find, visibility applied",
    async (reader) => {
      const get = async (path: string) => {
        listCalls.n = 0;
        listCalls.counting = true;
        try {
          const res = await api().get(path).set(readers[reader]).expect(200);
          return { text: res.text, body: res.body, viaDocumentService: listCalls.n > 0 };
        } finally {
          listCalls.counting = false;
        }
      };
      const paths = [
        `/api/articles?filters[categories][slug][$eq]=${category.slug}&populate[group]=true&populate[categories]=true&pagination[pageSize]=50`,
        `/api/articles?filters[categories][slug][$eq]=${category.slug}&populate[related]=true&pagination[pageSize]=3&pagination[page]=2`,
        `/api/articles?filters[group][slug][$eq]=groep-secret-${tag}&populate[group]=true`,
        `/api/questions?filters[group][slug][$eq]=groep-closed-${tag}&populate[group]=true`,
      ];
      for (const path of paths) {
        const fast = await get(path);
        // An explicit default locale is outside the fast grammar: Strapi's path, same meaning.
        const strapis = await get(`${path}&locale=nl`);
        expect([path, fast.viaDocumentService, strapis.viaDocumentService]).toEqual([path, false, true]);
        expect([path, fast.text]).toEqual([path, strapis.text]);
      }
      const list = await get(paths[0]);
      expect(titles(list.body)).toEqual(articleTitles([...SEES[reader].articles, 'linker']));
      const inSecret = await get(paths[2]);
      expect(titles(inSecret.body)).toEqual(articleTitles(SEES[reader].articles.filter((kind) => kind === 'publicInSecret' || kind === 'secretGroup')));
    }
  );

  it.each(READERS)('puts only public articles in the RSS feed, also when the %s asks', async (reader) => {
    const feed = await api().get(`/api/feeds/latest.rss?types=article&category=${category.slug}`).set(readers[reader]).expect(200);
    expect(feed.headers['content-type']).toMatch(/application\/rss\+xml/);
    const titlesInFeed = [...feed.text.matchAll(/<item>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1]).sort();
    expect(titlesInFeed).toEqual(articleTitles(['public', 'linker']));
    expect(feed.text).toContain(`/article.html?slug=${articles.public.slug}`);
    // Without types the feed keeps to the social map.
    expect((await api().get(`/api/feeds/latest.rss?category=${category.slug}`).expect(200)).text).not.toContain('<item>');
  });

  it('re-indexes what is in a group when the group turns secret', async () => {
    const open = await createDocument(GROUP, { name: `Wordt geheim ${tag}`, slug: `wordt-geheim-${tag}`, visibility: 'open' });
    const inside = madeUpWord();
    await createDocument(ARTICLE, { title: `In de groep ${tag}`, slug: `in-de-groep-${tag}`, body: inside, visibility: 'public', group: open.documentId });
    const find = async () => (await api().get(`/api/search?q=${inside}&types=article`).expect(200)).body.data.length;
    expect(await find()).toBe(1);
    await strapi().documents(GROUP).update({ documentId: open.documentId, data: { visibility: 'secret' } } as any);
    expect(await find()).toBe(0);
  });

  it('never serves a member what was cached for the public, nor the public what a member saw', async () => {
    const url = `/api/articles?filters[title][$endsWith]=${tag}&pagination[pageSize]=50&filters[documentId][$ne]=${unique('c')}`;
    const first = await api().get(url).expect(200);
    const again = await api().get(url).expect(200);
    expect(again.headers['x-cache']).toBe('HIT');
    expect(titles(again.body)).toEqual(articleTitles(['public', 'linker']));
    const asMember = await api().get(url).set(readers.closedMember).expect(200);
    expect(asMember.headers['x-cache']).toBeUndefined();
    expect(asMember.headers['cache-control']).toBe('private, no-store');
    expect(titles(asMember.body)).toEqual(articleTitles(['public', 'members', 'closedGroup', 'linker']));
    expect(asMember.headers.etag).not.toBe(first.headers.etag);
    expect(titles((await api().get(url).expect(200)).body)).toEqual(articleTitles(['public', 'linker']));
  });

  it('refuses drafts, and an unknown status, to everyone but staff', async () => {
    const draft = await createDocument(ARTICLE, { title: `Concept ${tag}`, slug: `concept-${tag}`, visibility: 'public' }, 'draft');
    await api().get(`/api/articles?status=draft`).expect(403);
    await api().get(`/api/articles?status=nieuw`).set(readers.resident).expect(400);
    await api().get(`/api/articles/${draft.documentId}`).expect(404);
    await api().get(`/api/articles/${draft.documentId}?status=draft`).set(readers.staff).expect(200);
  });
});

describe('joining a group', () => {
  const tag = unique('join');
  const group = async (visibility: string) => createDocument(GROUP, { name: `Groep ${visibility} ${tag}`, slug: `groep-${visibility}-${tag}-${unique('g')}`, visibility });
  const memberCount = async (documentId: string) => (await strapi().db.query(GROUP).findOne({ where: { documentId } })).memberCount;

  it('joins an open group at once, files a request for a closed one, and leaves', async () => {
    const { jwt } = await resident();
    const open = await group('open');
    expect((await api().get(`/api/groups/${open.documentId}`).expect(200)).body.data.memberCount).toBe(0);
    expect((await api().get(`/api/groups/${open.documentId}/join`).set(bearer(jwt)).expect(200)).body.data).toBeNull();
    const joined = await api().post(`/api/groups/${open.documentId}/join`).set(bearer(jwt)).expect(200);
    expect(joined.body.data).toEqual({ status: 'active', role: 'member' });
    await api().post(`/api/groups/${open.documentId}/join`).set(bearer(jwt)).expect(200);
    expect(await memberCount(open.documentId)).toBe(1);
    // The public (cached) read follows at once.
    expect((await api().get(`/api/groups/${open.documentId}`).expect(200)).body.data.memberCount).toBe(1);

    const closed = await group('closed');
    const requested = await api().post(`/api/groups/${closed.documentId}/join`).set(bearer(jwt)).expect(202);
    expect(requested.body.data.status).toBe('requested');
    expect((await api().get(`/api/groups/${closed.documentId}/join`).set(bearer(jwt)).expect(200)).body.data).toEqual({ status: 'requested', role: 'member' });
    await api().get(`/api/groups/${closed.documentId}/join`).expect(403);
    expect(await memberCount(closed.documentId)).toBe(0);

    expect((await api().delete(`/api/groups/${open.documentId}/join`).set(bearer(jwt)).expect(200)).body.data).toEqual({ left: true });
    expect(await memberCount(open.documentId)).toBe(0);
    expect((await api().delete(`/api/groups/${open.documentId}/join`).set(bearer(jwt)).expect(200)).body.data).toEqual({ left: false });
  });

  it('counts twenty people joining at once exactly, each once', async () => {
    const open = await group('open');
    const people = await Promise.all(Array.from({ length: 20 }, () => resident()));
    await Promise.all(people.flatMap(({ jwt }) => [1, 2].map(() => api().post(`/api/groups/${open.documentId}/join`).set(bearer(jwt)).expect(200))));
    expect(await memberCount(open.documentId)).toBe(20);
    expect(await strapi().db.query(MEMBERSHIP as any).count({ where: { group: open.documentId } })).toBe(20);
  });

  it('forgets the memberships, requests and invitations of a deleted group', async () => {
    const closed = await group('closed');
    const other = await group('open');
    const [member, asking] = [await resident(), await resident()];
    for (const { jwt } of [member, asking]) await api().post(`/api/groups/${other.documentId}/join`).set(bearer(jwt)).expect(200);
    await strapi().db.query(MEMBERSHIP as any).create({ data: { group: closed.documentId, userId: member.user.id, role: 'admin', status: 'active' } });
    await api().post(`/api/groups/${closed.documentId}/join`).set(bearer(asking.jwt)).expect(202);
    await strapi().documents(GROUP).delete({ documentId: closed.documentId } as any);
    expect(await strapi().db.query(MEMBERSHIP as any).count({ where: { group: closed.documentId } })).toBe(0);
    expect(await strapi().db.query(MEMBERSHIP as any).count({ where: { group: other.documentId } })).toBe(2);
    await api().get(`/api/groups/${closed.documentId}/join`).set(bearer(member.jwt)).expect(404);
  });

  it('lets nobody into a secret group without an invitation (404: it does not exist), and accepts one', async () => {
    const secret = await group('secret');
    const { user, jwt } = await resident();
    await api().post(`/api/groups/${secret.documentId}/join`).set(bearer(jwt)).expect(404);
    await api().get(`/api/groups/${secret.documentId}/join`).set(bearer(jwt)).expect(404);
    expect(await strapi().db.query(MEMBERSHIP as any).count({ where: { group: secret.documentId } })).toBe(0);
    await strapi().db.query(MEMBERSHIP as any).create({ data: { group: secret.documentId, userId: user.id, status: 'invited' } });
    await api().get(`/api/groups/${secret.documentId}`).set(bearer(jwt)).expect(404);
    expect((await api().get(`/api/groups/${secret.documentId}/join`).set(bearer(jwt)).expect(200)).body.data.status).toBe('invited');
    expect((await api().post(`/api/groups/${secret.documentId}/join`).set(bearer(jwt)).expect(200)).body.data.status).toBe('active');
    await api().get(`/api/groups/${secret.documentId}`).set(bearer(jwt)).expect(200);
  });

  it('refuses the public, a malformed or unknown documentId', async () => {
    const open = await group('open');
    const { jwt } = await resident();
    await api().post(`/api/groups/${open.documentId}/join`).expect(403);
    await api().post('/api/groups/not-a-document-id!/join').set(bearer(jwt)).expect(400);
    await api().post('/api/groups/abcdefghijklmnopqrstuvwx/join').set(bearer(jwt)).expect(404);
    expect(await memberCount(open.documentId)).toBe(0);
  });

  it("lets a group's admins see its members, accept requests, change roles, remove and invite; nobody else", async () => {
    const closed = await group('closed');
    const admin = await resident();
    await strapi().db.query(MEMBERSHIP as any).create({ data: { group: closed.documentId, userId: admin.user.id, role: 'admin', status: 'active' } });
    const asker = await resident();
    await api().post(`/api/groups/${closed.documentId}/join`).set(bearer(asker.jwt)).expect(202);
    const base = `/api/groups/${closed.documentId}/members`;
    const listed = await api().get(base).set(bearer(admin.jwt)).expect(200);
    expect(listed.body.data.map((m: { name: string; role: string; status: string }) => [m.name, m.role, m.status])).toEqual([
      [admin.user.displayName, 'admin', 'active'],
      [asker.user.displayName, 'member', 'requested'],
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('@');
    const request = listed.body.data[1].id;
    // The one who asked, someone outside and the public cannot manage it.
    await api().get(base).set(bearer(asker.jwt)).expect(403);
    await api().put(`${base}/${request}`).set(bearer(asker.jwt)).send({ data: { status: 'active' } }).expect(403);
    await api().get(base).expect(403);

    for (const bad of [{}, { role: 'owner' }, { status: 'requested' }, { status: 'active', colour: 'red' }]) await api().put(`${base}/${request}`).set(bearer(admin.jwt)).send({ data: bad }).expect(400);
    await api().put(`${base}/999999`).set(bearer(admin.jwt)).send({ data: { status: 'active' } }).expect(404);
    expect((await api().put(`${base}/${request}`).set(bearer(admin.jwt)).send({ data: { status: 'active' } }).expect(200)).body.data.status).toBe('active');
    expect(await memberCount(closed.documentId)).toBe(2);

    // The last admin stays, until there is another.
    const own = listed.body.data[0].id;
    expect((await api().put(`${base}/${own}`).set(bearer(admin.jwt)).send({ data: { role: 'member' } }).expect(409)).body.error.details.code).toBe('group.last_admin');
    await api().delete(`/api/groups/${closed.documentId}/join`).set(bearer(admin.jwt)).expect(409);
    await api().put(`${base}/${request}`).set(bearer(admin.jwt)).send({ data: { role: 'admin' } }).expect(200);
    await api().put(`${base}/${own}`).set(bearer(admin.jwt)).send({ data: { role: 'member' } }).expect(200);
    await api().get(base).set(bearer(admin.jwt)).expect(403);
    expect((await api().delete(`${base}/${own}`).set(bearer(asker.jwt)).expect(200)).body.data).toEqual({ removed: true });
    expect(await memberCount(closed.documentId)).toBe(1);
  });

  it('invites an account by its address without telling whether it has one; the invited accept by joining', async () => {
    const secret = await group('secret');
    const admin = await resident();
    await strapi().db.query(MEMBERSHIP as any).create({ data: { group: secret.documentId, userId: admin.user.id, role: 'admin', status: 'active' } });
    const guest = await resident();
    const invite = (email: string) => api().post(`/api/groups/${secret.documentId}/invitations`).set(bearer(admin.jwt)).send({ data: { email } });
    const known = await invite(guest.user.email.toUpperCase()).expect(202);
    const unknown = await invite(`${unique('niemand')}@private.example`).expect(202);
    expect(unknown.body).toEqual(known.body);
    const mail = await mailSink().waitFor({ to: guest.user.email, subject: /Uitnodiging voor een groep/ });
    expect(mail.text).toContain(`/group.html?id=${secret.documentId}`);
    await invite('geen adres').expect(400);
    const [, invited] = (await api().get(`/api/groups/${secret.documentId}/members`).set(bearer(admin.jwt)).expect(200)).body.data;
    expect(invited.status).toBe('invited');
    expect((await api().put(`/api/groups/${secret.documentId}/members/${invited.id}`).set(bearer(admin.jwt)).send({ data: { status: 'active' } }).expect(409)).body.error.details.code).toBe('group.invitation_pending');
    // Outsiders of a secret group find nothing to manage.
    await api().get(`/api/groups/${secret.documentId}/members`).set(bearer((await resident()).jwt)).expect(404);
    await api().get(`/api/groups/${secret.documentId}/members`).set(bearer(guest.jwt)).expect(404);
    expect((await api().post(`/api/groups/${secret.documentId}/join`).set(bearer(guest.jwt)).expect(200)).body.data.status).toBe('active');
    await api().get(`/api/groups/${secret.documentId}/members`).set(bearer(guest.jwt)).expect(403);
  });

  it("lets staff manage a group's members from the admin panel, by their Content Manager rights", async () => {
    const closed = await group('closed');
    const asker = await resident();
    await api().post(`/api/groups/${closed.documentId}/join`).set(bearer(asker.jwt)).expect(202);
    const staff = bearer(await adminToken());
    const base = `/buurtplein/groups/${closed.documentId}`;
    const [request] = (await api().get(`${base}/members`).set(staff).expect(200)).body.data;
    expect(request).toMatchObject({ name: asker.user.displayName, status: 'requested' });
    await api().put(`${base}/members/${request.id}`).set(staff).send({ data: { status: 'active', role: 'admin' } }).expect(200);
    expect(await memberCount(closed.documentId)).toBe(1);
    const guest = await resident();
    await api().post(`${base}/invitations`).set(staff).send({ data: { email: guest.user.email } }).expect(202);
    await mailSink().waitFor({ to: guest.user.email, subject: /Uitnodiging voor een groep/ });
    await api().put(`${base}/members/${request.id}`).set(staff).send({ data: { role: 'owner' } }).expect(400);
    await api().get('/buurtplein/groups/abcdefghijklmnopqrstuvwx/members').set(staff).expect(404);

    const reader = bearer(await adminToken({ permissions: [{ action: 'plugin::content-manager.explorer.read', subject: GROUP }] }));
    await api().get(`${base}/members`).set(reader).expect(200);
    await api().delete(`${base}/members/${request.id}`).set(reader).expect(403);
    await api().get(`${base}/members`).set(bearer(await adminToken({ withoutRights: true }))).expect(403);
    await api().get(`${base}/members`).set(bearer(asker.jwt)).expect(401);
    await api().get(`${base}/members`).expect(401);
    expect(await memberCount(closed.documentId)).toBe(1);
  });
});

afterAll(removeAdmins);
