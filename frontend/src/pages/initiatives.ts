import { list, vocabulary, type Named } from '../api';
import { h, replace } from '../dom';
import { select } from '../forms';
import { count, t, type Key } from '../i18n';
import { runPage } from '../layout';
import { detailHref, href, param } from '../paths';

const STAGES = ['idea', 'elaboration', 'running', 'done'] as const;
const PAGE_SIZE = 25;

interface Initiative {
  slug: string;
  title: string;
  summary?: string;
  stage: string;
  supportCount: number;
  neighbourhood?: Named | null;
  theme?: Named | null;
}

runPage('initiatives', t('initiativesTitle'), async (main) => {
  const stage = STAGES.find((s) => s === param('stage')) ?? '';
  const neighbourhood = param('neighbourhood');
  const page = Math.max(1, Number(param('page')) || 1);
  const [neighbourhoods, initiatives] = await Promise.all([
    vocabulary('neighbourhoods'),
    list<Initiative>('initiatives', {
      filters: { ...(stage ? { stage: { $eq: stage } } : {}), ...(neighbourhood ? { neighbourhood: { slug: { $eq: neighbourhood } } } : {}) },
      fields: ['slug', 'title', 'summary', 'stage', 'supportCount'],
      populate: { neighbourhood: { fields: ['name', 'slug'] }, theme: { fields: ['name', 'slug'] } },
      sort: ['supportCount:desc', 'title:asc'],
      pagination: { page, pageSize: PAGE_SIZE },
    }),
  ]);
  const { pageCount = 1, total = initiatives.data.length } = initiatives.meta.pagination ?? {};
  const pageLink = (to: number, label: string) => h('a', { href: href('initiatives', { stage, neighbourhood, page: to }) }, label);
  replace(
    main,
    h('h1', {}, t('initiativesTitle')),
    h('p', { class: 'intro' }, t('initiativesIntro')),
    h(
      'form',
      { class: 'filters', method: 'get', 'aria-label': t('agendaFilter') },
      select('stage', t('stageLabel'), STAGES.map((s) => ({ value: s, label: t(`stage_${s}` as Key) })), stage, t('allStages')),
      select('neighbourhood', t('neighbourhoodLabel'), neighbourhoods.map((n) => ({ value: n.slug, label: n.name })), neighbourhood, t('allNeighbourhoods')),
      h('button', { type: 'submit' }, t('agendaFilter'))
    ),
    h('p', { role: 'status', class: 'result-count' }, total ? count('resultCountOne', 'resultCount', total) : t('noResults')),
    h(
      'ol',
      { class: 'initiatives', start: (page - 1) * PAGE_SIZE + 1 },
      initiatives.data.map((initiative) =>
        h(
          'li',
          { class: 'initiative-card' },
          h('h2', {}, h('a', { href: detailHref('initiative', initiative.slug) }, initiative.title)),
          h(
            'p',
            { class: 'meta' },
            [t(`stage_${initiative.stage}` as Key), initiative.neighbourhood?.name, initiative.theme?.name].filter(Boolean).join(' · ')
          ),
          initiative.summary ? h('p', {}, initiative.summary) : null,
          h('p', { class: 'support-count' }, count('supportCountOne', 'supportCount', initiative.supportCount ?? 0))
        )
      )
    ),
    pageCount > 1
      ? h(
          'nav',
          { class: 'pager', 'aria-label': t('paginationLabel') },
          page > 1 ? pageLink(page - 1, t('previousPage')) : null,
          h('span', {}, t('pageOf', { page, pages: pageCount })),
          page < pageCount ? pageLink(page + 1, t('nextPage')) : null
        )
      : null
  );
});
