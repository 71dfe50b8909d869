import { vocabulary } from '../api';
import { agenda, agendaList } from '../agenda';
import { h, replace } from '../dom';
import { select } from '../forms';
import { capitaliseFirst, formatDate, week } from '../format';
import { count, t } from '../i18n';
import { runPage } from '../layout';
import { href, param } from '../paths';

runPage('agenda', t('agendaTitle'), async (main) => {
  const offset = Number(param('week')) || 0;
  const neighbourhood = param('neighbourhood');
  const category = param('category');
  const { from, to } = week(offset);
  const [neighbourhoods, categories, occurrences] = await Promise.all([
    vocabulary('neighbourhoods'),
    vocabulary('categories'),
    agenda({ from, to, neighbourhood, category }),
  ]);
  const filters = h(
    'form',
    { class: 'filters', method: 'get', 'aria-label': t('agendaFilter') },
    offset ? h('input', { type: 'hidden', name: 'week', value: offset }) : null,
    select('neighbourhood', t('neighbourhoodLabel'), neighbourhoods.map((n) => ({ value: n.slug, label: n.name })), neighbourhood, t('allNeighbourhoods')),
    select('category', t('categoryLabel'), categories.map((c) => ({ value: c.slug, label: c.name })), category, t('allCategories')),
    h('button', { type: 'submit' }, t('agendaFilter'))
  );
  const weekLink = (to: number, label: string) => h('a', { href: href('agenda', { week: to || undefined, neighbourhood, category }) }, label);
  replace(
    main,
    h('h1', {}, offset ? capitaliseFirst(`${formatDate(from.toISOString())} – ${formatDate(to.toISOString())}`) : t('agendaTitle')),
    h('p', { class: 'intro' }, t('agendaIntro', { from: formatDate(from.toISOString()), to: formatDate(to.toISOString()) })),
    filters,
    h(
      'nav',
      { class: 'pager', 'aria-label': t('weekNavLabel') },
      weekLink(offset - 1, t('previousWeek')),
      offset ? weekLink(0, t('thisWeek')) : null,
      weekLink(offset + 1, t('nextWeek'))
    ),
    h('p', { role: 'status', class: 'result-count' }, occurrences.length ? count('agendaCountOne', 'agendaCount', occurrences.length) : ''),
    agendaList(occurrences)
  );
});
