import { bySlug, countView, list, type Named, type Picture } from '../api';
import { externalLink, facts, itemPicture, links, notOnMapRow, PICTURE_POPULATE } from '../details';
import { h, paragraphs, replace } from '../dom';
import { formatDate, formatWhen } from '../format';
import { t } from '../i18n';
import { notFound, runPage, setTitle } from '../layout';
import { detailHref, param } from '../paths';
import { followSection } from '../follow-box';

interface Organisation {
  documentId: string;
  name: string;
  description?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  phone?: string;
  email?: string;
  website?: string;
  lastConfirmedAt?: string;
  latitude?: number | null;
  longitude?: number | null;
  categories?: Named[];
  neighbourhoods?: Named[];
  logo?: Picture | null;
}

interface ActivitySummary {
  slug: string;
  title: string;
  startsAt?: string;
  endsAt?: string;
  recurrence?: string;
}

runPage(null, t('typeOrganisation'), async (main) => {
  const organisation = await bySlug<Organisation>('organisations', param('slug'), {
    populate: { categories: { fields: ['name', 'slug'] }, neighbourhoods: { fields: ['name', 'slug'] }, logo: PICTURE_POPULATE },
  });
  if (!organisation) throw notFound();
  countView('organisation', organisation.documentId);
  setTitle(organisation.name);
  const activities = await list<ActivitySummary>('activities', {
    filters: { organisation: { documentId: { $eq: organisation.documentId } } },
    fields: ['slug', 'title', 'startsAt', 'endsAt', 'recurrence'],
    sort: 'startsAt:desc',
    pagination: { pageSize: 50 },
  });
  const follow = await followSection('organisation', organisation.documentId);
  const where = [organisation.address, [organisation.postalCode, organisation.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  replace(
    main,
    h('p', { class: 'kicker' }, t('typeOrganisation')),
    h('h1', {}, organisation.name),
    itemPicture(organisation.logo, t('logoOf', { name: organisation.name })),
    paragraphs(organisation.description),
    h('h2', {}, t('organisationContact')),
    facts([
      [t('activityWhere'), where],
      notOnMapRow(organisation),
      [t('organisationPhone'), organisation.phone ? h('a', { href: `tel:${organisation.phone.replace(/[^\d+]/g, '')}` }, organisation.phone) : null],
      [t('organisationEmail'), organisation.email ? h('a', { href: `mailto:${organisation.email}` }, organisation.email) : null],
      [t('organisationWebsite'), externalLink(organisation.website)],
      [t('activityCategories'), organisation.categories?.map((c) => c.name).join(', ')],
      [t('neighbourhoodsTitle'), links(organisation.neighbourhoods?.map((n) => ({ name: n.name, href: detailHref('neighbourhood', n.slug) })))],
    ]),
    organisation.lastConfirmedAt ? h('p', { class: 'hint' }, t('lastConfirmed', { date: formatDate(organisation.lastConfirmedAt) })) : null,
    follow,
    h('h2', {}, t('organisationActivities')),
    activities.data.length
      ? h(
          'ul',
          { class: 'plain-list' },
          activities.data.map((a) =>
            h(
              'li',
              {},
              h('a', { href: detailHref('activity', a.slug) }, a.title),
              a.startsAt ? h('span', { class: 'meta' }, ` — ${formatWhen(a.startsAt, a.endsAt, a.recurrence)}`) : null
            )
          )
        )
      : h('p', {}, t('organisationNoActivities'))
  );
});
