import { bySlug, list, type Named } from '../api';
import { agenda, agendaList } from '../agenda';
import { externalLink } from '../details';
import { h, paragraphs, replace } from '../dom';
import { week } from '../format';
import { t } from '../i18n';
import { notFound, runPage, setTitle } from '../layout';
import { createMap, type MapArea } from '../map';
import { detailHref, param } from '../paths';
import { followSection } from '../follow-box';

interface Neighbourhood extends MapArea {
  documentId: string;
  slug: string;
  description?: string;
  website?: string;
}

const linkList = (items: { href: string; name: string }[]) =>
  items.length ? h('ul', { class: 'plain-list columns' }, items.map((item) => h('li', {}, h('a', { href: item.href }, item.name)))) : h('p', {}, t('nothingHere'));

runPage(null, t('neighbourhoodLabel'), async (main) => {
  const slug = param('slug');
  const neighbourhood = await bySlug<Neighbourhood>('neighbourhoods', slug);
  if (!neighbourhood) throw notFound();
  setTitle(neighbourhood.name);
  const inNeighbourhood = { slug: { $eq: slug } };
  const [organisations, initiatives, occurrences] = await Promise.all([
    list<Named>('organisations', { filters: { neighbourhoods: inNeighbourhood }, fields: ['name', 'slug'], sort: 'name:asc', pagination: { pageSize: 100 } }),
    list<{ slug: string; title: string }>('initiatives', { filters: { neighbourhood: inNeighbourhood }, fields: ['title', 'slug'], sort: 'supportCount:desc', pagination: { pageSize: 50 } }),
    agenda({ ...week(0), neighbourhood: slug }),
  ]);
  const mapElement = h('div', {});
  const follow = await followSection('neighbourhood', neighbourhood.documentId);
  replace(
    main,
    h('p', { class: 'kicker' }, t('neighbourhoodLabel')),
    h('h1', {}, neighbourhood.name),
    paragraphs(neighbourhood.description),
    neighbourhood.website ? h('p', {}, externalLink(neighbourhood.website, t('neighbourhoodWebsite'))) : null,
    neighbourhood.boundary ? mapElement : null,
    follow,
    h('h2', {}, t('neighbourhoodActivities')),
    agendaList(occurrences, 'h3'),
    h('h2', {}, t('neighbourhoodOrganisations')),
    linkList(organisations.data.map((o) => ({ name: o.name, href: detailHref('organisation', o.slug) }))),
    h('h2', {}, t('neighbourhoodInitiatives')),
    linkList(initiatives.data.map((i) => ({ name: i.title, href: detailHref('initiative', i.slug) })))
  );
  if (neighbourhood.boundary) createMap(mapElement, [neighbourhood]);
});
