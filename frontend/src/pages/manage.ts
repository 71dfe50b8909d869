import { ApiError, list, request, vocabulary } from '../api';
import { h, replace } from '../dom';
import { field, onSubmit, statusArea } from '../forms';
import { count, lang, t } from '../i18n';
import { runPage } from '../layout';
import { loginForm } from '../login-form';
import { activityData, activityFields, organisationFields, pointData, reminderEmailField } from '../manage/fields';
import type { MapArea } from '../map';
import type { MyActivity, MyOrganisation, Vocabularies } from '../manage/types';
import { pictureForm } from '../manage/picture-form';
import { enrolmentPanel } from '../manage/enrolment';
import { DUTCH, ENGLISH, englishTextForm } from '../manage/english-text';
import { detailHref, href } from '../paths';
import { session } from '../session';


function signUpForm(vocabularies: Vocabularies): HTMLElement {
  const status = statusArea();
  const form = h(
    'form',
    { class: 'sign-up' },
    h('p', {}, t('signUpIntro')),
    organisationFields(vocabularies),
    field({ name: 'contactEmail', label: t('contactEmailLabel'), type: 'email', required: true, autocomplete: 'email' }),
    reminderEmailField(),
    h('button', { type: 'submit' }, t('signUpButton')),
    status
  );
  onSubmit(form, status, async (values) => {
    session.rememberReturn(href('manage'));
    await request('/api/organisations/sign-up', { method: 'POST', body: { data: { ...values, ...pointData(values), language: lang } } });
    form.reset();
    return t('signUpDone');
  });
  return h('section', { 'aria-labelledby': 'sign-up-heading' }, h('h2', { id: 'sign-up-heading' }, t('signUpHeading')), form);
}

function profileForm(organisation: MyOrganisation, vocabularies: Vocabularies): HTMLElement {
  const status = statusArea();
  const form = h(
    'form',
    { class: 'profile' },
    organisationFields(vocabularies, organisation),
    reminderEmailField(organisation),
    h('button', { type: 'submit' }, t('save')),
    status
  );
  onSubmit(form, status, async (values) => {
    await request(`/api/my/organisations/${organisation.documentId}`, { method: 'PUT', auth: true, query: DUTCH, body: { data: { ...values, ...pointData(values) } } });
    return t('saved');
  });
  return form;
}

function activityEditor(activity: MyActivity, english: MyActivity | undefined, vocabularies: Vocabularies, reload: () => Promise<void>): HTMLElement {
  const status = statusArea();
  const form = h('form', { class: 'activity-form' }, activityFields(vocabularies, activity), h('button', { type: 'submit' }, t('save')), status);
  onSubmit(form, status, async (values) => {
    await request(`/api/my/activities/${activity.documentId}`, { method: 'PUT', auth: true, query: DUTCH, body: { data: activityData(values) } });
    return t('saved');
  });
  const publication = h('div', { 'aria-live': 'polite', class: 'form-status' });
  const toggle = h(
    'button',
    {
      type: 'button',
      onclick: async () => {
        const action = activity.isPublished ? 'unpublish' : 'publish';
        try {
          await request(`/api/my/activities/${activity.documentId}/${action}`, { method: 'POST', auth: true });
          await reload();
        } catch (error) {
          replace(publication, h('p', { role: 'alert', class: 'notice notice-error' }, (error as Error).message));
        }
      },
    },
    activity.isPublished ? t('unpublish') : t('publish')
  );
  return h(
    'li',
    { class: 'my-activity' },
    h(
      'details',
      {},
      h(
        'summary',
        {},
        activity.title,
        ' ',
        h('span', { class: `badge ${activity.isPublished ? 'badge-ok' : ''}` }, activity.isPublished ? t('statusPublished') : t('statusDraft')),
        notOnMapBadge(activity)
      ),
      form,
      englishTextForm(`/api/my/activities/${activity.documentId}`, [
        { name: 'title', label: t('titleLabel'), required: true, value: english?.title },
        { name: 'description', label: t('descriptionLabel'), value: english?.description, multiline: true },
        { name: 'costNote', label: t('costNoteLabel'), value: english?.costNote },
      ]),
      pictureForm({ route: `/api/my/activities/${activity.documentId}/image`, field: 'image', current: activity.image, legend: t('imageLegend') }),
      enrolmentPanel(activity)
    ),
    toggle,
    activity.isPublished ? h('a', { href: detailHref('activity', activity.slug), class: 'view-link' }, t('viewPublic')) : null,
    publication
  );
}

function newActivityForm(organisation: MyOrganisation, vocabularies: Vocabularies, reload: () => Promise<void>): HTMLElement {
  const status = statusArea();
  const form = h('form', { class: 'activity-form' }, activityFields(vocabularies), h('button', { type: 'submit' }, t('createActivity')), status);
  onSubmit(form, status, async (values) => {
    await request('/api/my/activities', { method: 'POST', auth: true, query: DUTCH, body: { data: { ...activityData(values), organisation: organisation.documentId } } });
    await reload();
  });
  return h('details', { class: 'new-activity' }, h('summary', {}, t('newActivity')), form);
}

/** "Nog niet op de kaart" next to an item without a point, so the editor knows to place it. */
const notOnMapBadge = (item: { latitude?: number | null; longitude?: number | null }) =>
  item.latitude == null || item.longitude == null ? [' ', h('span', { class: 'badge badge-warn' }, t('notOnMapYet'))] : null;

/** A colleague gets a mail with a link that makes them an editor of this organisation too. */
function inviteForm(organisation: MyOrganisation): HTMLElement {
  const status = statusArea();
  const form = h(
    'form',
    { class: 'invite' },
    h('p', {}, t('inviteIntro', { name: organisation.name })),
    field({ name: 'email', label: t('inviteEmailLabel'), type: 'email', required: true, autocomplete: 'off' }),
    h('button', { type: 'submit' }, t('inviteButton')),
    status
  );
  onSubmit(form, status, async ({ email }) => {
    await request(`/api/my/organisations/${organisation.documentId}/invitations`, { method: 'POST', auth: true, body: { email, language: lang } });
    form.reset();
    return t('inviteSent', { email: String(email) });
  });
  return form;
}

function organisationSection(organisation: MyOrganisation, english: MyOrganisation | undefined, vocabularies: Vocabularies): HTMLElement {
  const activities = h('div', {});
  const reload = async () => {
    const mine = (query: typeof DUTCH | typeof ENGLISH) =>
      request<{ data: MyActivity[] }>('/api/my/activities', { auth: true, query: { ...query, organisation: organisation.documentId } });
    const [{ data }, english] = await Promise.all([mine(DUTCH), mine(ENGLISH)]);
    const englishOf = (activity: MyActivity) => english.data.find((item) => item.documentId === activity.documentId);
    replace(
      activities,
      data.length
        ? h('ul', { class: 'plain-list my-activities' }, data.map((activity) => activityEditor(activity, englishOf(activity), vocabularies, reload)))
        : h('p', {}, t('noActivities')),
      newActivityForm(organisation, vocabularies, reload)
    );
  };
  void reload();
  const approved = organisation.approvalStatus === 'approved';
  const headingId = `org-${organisation.documentId}`;
  return h(
    'section',
    { class: 'my-organisation', 'aria-labelledby': headingId },
    h(
      'h2',
      { id: headingId },
      organisation.name,
      ' ',
      h('span', { class: `badge ${approved ? 'badge-ok' : ''}` }, approved ? t('statusApproved') : t('statusPending')),
      notOnMapBadge(organisation)
    ),
    organisation.isPublished ? h('p', {}, h('a', { href: detailHref('organisation', organisation.slug) }, t('viewPublic'))) : null,
    organisation.isPublished && organisation.reach ? h('p', { class: 'reach' }, count('reachOne', 'reachMany', organisation.reach.views)) : null,
    h(
      'details',
      {},
      h('summary', {}, t('editProfile', { name: organisation.name })),
      profileForm(organisation, vocabularies),
      englishTextForm(`/api/my/organisations/${organisation.documentId}`, [
        { name: 'description', label: t('descriptionLabel'), value: english?.description, multiline: true },
      ]),
      pictureForm({ route: `/api/my/organisations/${organisation.documentId}/logo`, field: 'logo', current: organisation.logo, legend: t('logoLegend') })
    ),
    h('details', {}, h('summary', {}, t('inviteHeading')), inviteForm(organisation)),
    h('h3', {}, t('myActivities')),
    activities
  );
}

async function myOrganisations(query: typeof DUTCH | typeof ENGLISH): Promise<MyOrganisation[]> {
  try {
    return (await request<{ data: MyOrganisation[] }>('/api/my/organisations', { auth: true, query })).data;
  } catch (error) {
    // A resident without an organisation has no editor role yet.
    if (error instanceof ApiError && error.status === 403) return [];
    throw error;
  }
}

runPage('manage', t('manageTitle'), async (main) => {
  const [categories, neighbourhoods, areas, geocoder] = await Promise.all([
    vocabulary('categories'),
    vocabulary('neighbourhoods'),
    list<MapArea>('neighbourhoods', { fields: ['name', 'boundary'], pagination: { pageSize: 100 } }),
    request<{ data: { available: boolean } }>('/api/geocoder'),
  ]);
  const vocabularies = { categories, neighbourhoods, areas: areas.data, geocoder: geocoder.data.available };
  const heading = [h('h1', {}, t('manageTitle')), h('p', { class: 'intro' }, t('manageIntro'))];
  if (!session.jwt()) {
    replace(
      main,
      heading,
      h('section', { 'aria-labelledby': 'login-heading' }, h('h2', { id: 'login-heading' }, t('manageLoginHeading')), loginForm(t('loginIntro'), href('manage'))),
      signUpForm(vocabularies)
    );
    return;
  }
  const [organisations, english] = await Promise.all([myOrganisations(DUTCH), myOrganisations(ENGLISH)]);
  const englishOf = (organisation: MyOrganisation) => english.find((item) => item.documentId === organisation.documentId);
  replace(
    main,
    heading,
    organisations.length
      ? organisations.map((organisation) => organisationSection(organisation, englishOf(organisation), vocabularies))
      : h('p', {}, t('noOrganisations')),
    signUpForm(vocabularies)
  );
});
