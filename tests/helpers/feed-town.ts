import { createDocument, createUser, unique } from './fixtures';
import { strapi } from './strapi';

/**
 * A small neighbourhood far from every other suite's data (around 60.1 N,
 * 20.1 E), with what the map, agenda, feeds and embeds must show and what
 * they must never show.
 */
export async function createFeedTown() {
  const tag = unique('feed');
  const category = await createDocument('api::category.category', { name: `Ontmoeten ${tag}`, slug: `ontmoeten-${tag}` });
  await strapi().documents('api::category.category').update({ documentId: category.documentId, locale: 'en', status: 'published', data: { name: `Meeting ${tag}`, slug: category.slug } } as any);
  const other = await createDocument('api::category.category', { name: `Sport ${tag}`, slug: `sport-${tag}` });
  const wijk = await createDocument('api::neighbourhood.neighbourhood', { name: `De Hoven ${tag}`, slug: `hoven-${tag}` });
  const elsewhere = await createDocument('api::neighbourhood.neighbourhood', { name: `Overkant ${tag}`, slug: `overkant-${tag}` });
  const member = await createUser();
  const orgData = (name: string) => ({
    name: `${name} ${tag}`,
    slug: `${name.toLowerCase()}-${tag}`,
    description: 'Wij organiseren **koffie** en wandelingen.',
    address: 'Dorpsstraat 1',
    postalCode: '1234 AB',
    city: 'Buurtstad',
    latitude: 60.1,
    longitude: 20.1,
    phone: '010-1234567',
    email: `info-${tag}@public.example`,
    website: 'https://club.example',
    reminderEmail: `reminder-${name.toLowerCase()}-${tag}@secret.example`,
    members: [member.id],
    categories: [category.documentId],
    neighbourhoods: [wijk.documentId],
  });
  const organisation = await createDocument('api::organisation.organisation', orgData('Club'));
  const draftOrganisation = await createDocument('api::organisation.organisation', orgData('Concept'), 'draft');
  const archivedOrganisation = await createDocument('api::organisation.organisation', orgData('Oud'));
  await archive('api::organisation.organisation', archivedOrganisation.documentId);

  const activity = (name: string, data: Record<string, unknown>) => ({
    title: `${name} ${tag}`,
    slug: `${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${tag}`,
    organisation: organisation.documentId,
    categories: [category.documentId],
    neighbourhood: wijk.documentId,
    address: 'Dorpsstraat 1',
    postalCode: '1234 AB',
    city: 'Buurtstad',
    latitude: 60.1,
    longitude: 20.1,
    ...data,
  });
  // Tuesdays 19:00–20:30 in Amsterdam from 6 October 2026; the clocks go back on 25 October.
  const weekly = await createDocument(
    'api::activity.activity',
    activity('Koffie', {
      title: `Koffie, thee; en <script>alert(1)</script> ${tag}`,
      description: 'Elke dinsdag.\nIedereen welkom; ook met rollator, rolstoel of kinderwagen — en natuurlijk met de hond, zolang die braaf is.',
      startsAt: '2026-10-06T17:00:00.000Z',
      endsAt: '2026-10-06T18:30:00.000Z',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU',
      cost: 0,
    })
  );
  await strapi().documents('api::activity.activity').update({
    documentId: weekly.documentId,
    locale: 'en',
    status: 'published',
    data: { title: `Coffee, tea; and more ${tag}`, slug: weekly.slug, description: 'Every Tuesday.' },
  } as any);
  const oneOff = await createDocument(
    'api::activity.activity',
    activity('Workshop', {
      neighbourhood: elsewhere.documentId,
      categories: [other.documentId],
      startsAt: '2026-10-20T12:00:00.000Z',
      endsAt: '2026-10-20T14:00:00.000Z',
      latitude: 60.3,
      longitude: 20.4,
      cost: 5,
      costNote: 'inclusief materiaal',
    })
  );
  // The admin panel enforces the field's pattern; an import might not. Feeds must survive it.
  const badRule = await createDocument('api::activity.activity', activity('Kapot', { startsAt: '2026-10-14T10:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=XX' }));
  const noPlace = await createDocument('api::activity.activity', activity('Nergens', { latitude: null, longitude: null, startsAt: '2026-10-15T10:00:00.000Z' }));
  const draft = await createDocument('api::activity.activity', activity('Concept', { startsAt: '2026-10-16T10:00:00.000Z' }), 'draft');
  const archived = await createDocument('api::activity.activity', activity('Gearchiveerd', { startsAt: '2026-10-16T10:00:00.000Z' }));
  await archive('api::activity.activity', archived.documentId);
  const initiator = await createUser();
  const initiative = await createDocument('api::initiative.initiative', {
    title: `Idee <b>moestuin</b> & meer ${tag}`,
    slug: `idee-${tag}`,
    summary: 'Een moestuin voor iedereen',
    initiator: initiator.id,
    theme: category.documentId,
    neighbourhood: wijk.documentId,
  });
  const draftInitiative = await createDocument('api::initiative.initiative', { title: `Concept idee ${tag}`, slug: `concept-idee-${tag}`, initiator: initiator.id }, 'draft');

  return {
    tag,
    category,
    other,
    wijk,
    elsewhere,
    member,
    initiator,
    organisation,
    draftOrganisation,
    archivedOrganisation,
    weekly,
    oneOff,
    badRule,
    noPlace,
    draft,
    archived,
    initiative,
    draftInitiative,
    /** Strings that must never appear in any public output. */
    secrets: [
      organisation.reminderEmail,
      member.email,
      initiator.email,
      draft.title,
      archived.title,
      draftOrganisation.name,
      archivedOrganisation.name,
      draftInitiative.title,
      'reminderEmail',
      'approvalStatus',
      'preferredLanguage',
    ],
  };
}

export type FeedTown = Awaited<ReturnType<typeof createFeedTown>>;

async function archive(uid: string, documentId: string) {
  await strapi().documents(uid as any).update({ documentId, locale: 'nl', data: { archivedAt: new Date().toISOString() } } as any);
}

export const expectNoSecrets = (raw: string, town: FeedTown) => {
  for (const secret of town.secrets) expect(raw).not.toContain(secret);
};
