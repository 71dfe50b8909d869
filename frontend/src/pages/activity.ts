import { bySlug, countView, request, type Named, type Picture } from '../api';
import { enrolSection, type EnrolmentSummary } from '../enrol-form';
import { externalLink, facts, itemPicture, notOnMapRow, PICTURE_POPULATE } from '../details';
import { h, paragraphs, replace } from '../dom';
import { formatCost, formatWhen, targetGroupName } from '../format';
import { lang, t } from '../i18n';
import { notFound, runPage, setTitle } from '../layout';
import { detailHref, param } from '../paths';

interface Activity {
  documentId: string;
  title: string;
  description?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  startsAt?: string;
  endsAt?: string;
  recurrence?: string;
  cost?: number;
  costNote?: string;
  targetGroups?: string[];
  capacity?: number;
  enrolmentUrl?: string;
  organisation?: Named | null;
  categories?: Named[];
  neighbourhood?: Named | null;
  image?: Picture | null;
}

const when = (activity: Activity) => (activity.startsAt ? formatWhen(activity.startsAt, activity.endsAt, activity.recurrence) : null);

runPage(null, t('typeActivity'), async (main) => {
  const activity = await bySlug<Activity>('activities', param('slug'), {
    populate: { organisation: { fields: ['name', 'slug'] }, categories: { fields: ['name', 'slug'] }, neighbourhood: { fields: ['name', 'slug'] }, image: PICTURE_POPULATE },
  });
  if (!activity) throw notFound();
  countView('activity', activity.documentId);
  setTitle(activity.title);
  // Lists leave the enrolment counts out; the activity's own read has them.
  const { data: one } = await request<{ data: { enrolment?: EnrolmentSummary } }>(`/api/activities/${encodeURIComponent(activity.documentId)}`, { query: { locale: lang } });
  const where = [activity.address, [activity.postalCode, activity.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  replace(
    main,
    h('p', { class: 'kicker' }, t('typeActivity')),
    h('h1', {}, activity.title),
    itemPicture(activity.image),
    facts([
      [t('activityWhen'), when(activity)],
      [t('activityWhere'), where],
      notOnMapRow(activity),
      [t('activityCost'), [formatCost(activity.cost), activity.costNote].filter(Boolean).join(', ')],
      [t('activityOrganiser'), activity.organisation ? h('a', { href: detailHref('organisation', activity.organisation.slug) }, activity.organisation.name) : null],
      [t('activityNeighbourhood'), activity.neighbourhood ? h('a', { href: detailHref('neighbourhood', activity.neighbourhood.slug) }, activity.neighbourhood.name) : null],
      [t('activityCategories'), activity.categories?.map((c) => c.name).join(', ')],
      [t('activityTargetGroups'), activity.targetGroups?.map(targetGroupName).join(', ')],
      [t('activityCapacity'), activity.capacity ? String(activity.capacity) : null],
      [t('activityEnrol'), externalLink(activity.enrolmentUrl)],
    ]),
    paragraphs(activity.description),
    enrolSection(activity.documentId, one.enrolment)
  );
});
