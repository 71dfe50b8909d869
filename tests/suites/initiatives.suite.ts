import { api, bearer, createDocument, resident, unique } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

const UID = 'api::initiative.initiative';

describe('residents propose initiatives', () => {
  it('a confirmed resident submits an idea; it waits for moderation, then shows stage and subsidies', async () => {
    const { user, jwt } = await resident();
    const theme = await createDocument('api::category.category', { name: unique('Groen'), slug: unique('groen') });
    const created = await api()
      .post('/api/my/initiatives')
      .set(bearer(jwt))
      .send({ data: { title: 'Een moestuin bij de school', summary: 'Samen groenten kweken.', theme: theme.documentId, latitude: 52.15, longitude: 5.38 } })
      .expect(201);
    const { documentId } = created.body.data;
    expect(created.body.data).toMatchObject({ stage: 'idea', isPublished: false });
    await api().get(`/api/initiatives/${documentId}`).expect(404);

    const subsidy = await createDocument('api::subsidy.subsidy', { name: unique('Buurtbudget'), slug: unique('budget'), url: 'https://gemeente.example/budget' });
    await strapi().documents(UID).update({ documentId, locale: 'nl', data: { stage: 'elaboration', subsidies: [subsidy.documentId] } } as any);
    await strapi().documents(UID).publish({ documentId, locale: 'nl' } as any);
    const pub = await api().get(`/api/initiatives/${documentId}?populate[subsidies][fields][0]=name&populate[subsidies][fields][1]=url&populate[theme][fields][0]=name`).expect(200);
    expect(pub.body.data).toMatchObject({ stage: 'elaboration', subsidies: [{ name: subsidy.name, url: 'https://gemeente.example/budget' }], theme: { name: theme.name } });
    expect(pub.text).not.toContain(user.email);

    const mine = await api().get('/api/my/initiatives').set(bearer(jwt)).expect(200);
    expect(mine.body.data).toEqual([expect.objectContaining({ documentId, isPublished: true, stage: 'elaboration' })]);
  });

  it('the initiator edits; edits wait for moderation; nobody else can edit', async () => {
    const owner = await resident();
    const other = await resident();
    const created = await api().post('/api/my/initiatives').set(bearer(owner.jwt)).send({ data: { title: 'Bankjes aan de vijver' } }).expect(201);
    const { documentId } = created.body.data;
    await strapi().documents(UID).publish({ documentId, locale: 'nl' } as any);

    await api().put(`/api/my/initiatives/${documentId}`).set(bearer(owner.jwt)).send({ data: { summary: 'Vijf bankjes.' } }).expect(200);
    expect((await api().get(`/api/initiatives/${documentId}`).expect(200)).body.data.summary).toBeNull();

    await api().put(`/api/my/initiatives/${documentId}`).set(bearer(other.jwt)).send({ data: { title: 'Gekaapt!' } }).expect(404);
    expect((await api().get('/api/my/initiatives').set(bearer(other.jwt)).expect(200)).body.data).toEqual([]);
    for (const data of [{ stage: 'done' }, { supportCount: 99 }, { subsidies: [] }, { initiator: other.user.id }, { archivedAt: new Date() }]) {
      await api().put(`/api/my/initiatives/${documentId}`).set(bearer(owner.jwt)).send({ data }).expect(403);
    }
    await api().put(`/api/my/initiatives/${documentId}`).set(bearer(owner.jwt)).send({ data: { title: 'x' } }).expect(400);
    await api().put(`/api/my/initiatives/${documentId}`).set(bearer(owner.jwt)).send({ data: { theme: 'nope' } }).expect(400);
  });

  it('refuses the anonymous and the unconfirmed', async () => {
    await api().post('/api/my/initiatives').send({ data: { title: 'Anoniem idee' } }).expect(403);
    const unconfirmed = await resident({ confirmed: false });
    const res = await api().post('/api/my/initiatives').set(bearer(unconfirmed.jwt)).send({ data: { title: 'Onbevestigd idee' } }).expect(403);
    expect(res.body.error.details.reason).toBe('unconfirmed');
  });
});
