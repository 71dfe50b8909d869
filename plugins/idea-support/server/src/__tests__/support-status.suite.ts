import { api, createDocument, unique } from '../../../../../tests/helpers/fixtures';
import { strapi } from '../../../../../tests/helpers/strapi';

const uid = 'api::initiative.initiative';
const path = (documentId: string) => `/api/idea-support/initiatives/${documentId}/support`;

describe('idea-support: GET /api/idea-support/initiatives/:documentId/support', () => {
  it('answers the public count of a published initiative', async () => {
    const initiative = await createDocument(uid, { title: 'Bankjes', slug: unique('bankjes') });
    const res = await api().get(path(initiative.documentId)).expect(200);
    expect(res.body).toEqual({ data: { supportCount: 0, supported: false }, meta: {} });
  });

  it('404 for drafts and archived initiatives, 400 for a malformed id', async () => {
    const draft = await createDocument(uid, { title: 'Concept', slug: unique('concept') }, 'draft');
    const archived = await createDocument(uid, { title: 'Oud', slug: unique('oud') });
    await strapi().documents(uid).update({ documentId: archived.documentId, locale: 'nl', data: { archivedAt: new Date() } } as any);
    for (const documentId of [draft.documentId, archived.documentId, 'a'.repeat(24)]) {
      const res = await api().get(path(documentId)).expect(404);
      expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
    const bad = await api().get(path('not-a-document-id')).expect(400);
    expect(bad.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  });
});
