import { list, vocabulary } from '../api';
import { h, highlighted, replace } from '../dom';
import { select } from '../forms';
import { formatRange } from '../format';
import { count, t, type Key } from '../i18n';
import { runPage } from '../layout';
import { createMap, type MapArea } from '../map';
import { detailHref, param } from '../paths';
import { HIT_TYPES, PAGE_SIZE, search, type Hit, type HitType, type SearchQuery } from '../search';

const TYPE_LABEL: Record<HitType, Key> = { activity: 'typeActivity', organisation: 'typeOrganisation', initiative: 'typeInitiative' };
const TYPES_LABEL: Record<HitType, Key> = { activity: 'typesActivity', organisation: 'typesOrganisation', initiative: 'typesInitiative' };

function readQuery(): SearchQuery {
  const type = param('type') as HitType;
  return {
    q: param('q'),
    category: param('category'),
    neighbourhood: param('neighbourhood'),
    type: HIT_TYPES.includes(type) ? type : '',
    page: Math.max(1, Number(param('page')) || 1),
  };
}

/** The search lives in the address, so a result list can be bookmarked, shared and reloaded. */
function writeQuery(query: SearchQuery) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(query)) {
    if (value && !(key === 'page' && value === 1)) url.searchParams.set(key, String(value));
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url);
}

function resultItem(hit: Hit, number: number): HTMLElement {
  const details = [
    t(TYPE_LABEL[hit.type]),
    hit.startsAt ? formatRange(hit.startsAt, hit.endsAt) : null,
    hit.neighbourhood?.name,
    hit.stage ? t(`stage_${hit.stage}` as Key) : null,
  ].filter(Boolean);
  return h(
    'li',
    { class: `result result-${hit.type}` },
    h('span', { class: 'result-number', 'aria-hidden': 'true' }, String(number)),
    h(
      'div',
      {},
      h('h3', {}, h('a', { href: detailHref(hit.type, hit.slug) }, hit.title)),
      h('p', { class: 'meta' }, details.join(' · ')),
      hit.snippet ? h('p', { class: 'snippet' }, highlighted(hit.snippet)) : null
    )
  );
}

runPage('home', t('mapTitle'), async (main) => {
  const [categories, neighbourhoods, areas] = await Promise.all([
    vocabulary('categories'),
    vocabulary('neighbourhoods'),
    list<MapArea & { slug: string }>('neighbourhoods', { fields: ['name', 'slug', 'boundary'], pagination: { pageSize: 100 } }),
  ]);
  const query = readQuery();
  const searchInput = h('input', { type: 'search', id: 'q', name: 'q', value: query.q, 'aria-describedby': 'q-hint', autocomplete: 'off' });
  const form = h(
    'form',
    { role: 'search', class: 'search-form', 'aria-label': t('searchRegion') },
    h('div', { class: 'field field-search' }, h('label', { for: 'q' }, t('searchLabel')), h('p', { class: 'hint', id: 'q-hint' }, t('searchHint')), searchInput),
    select('category', t('categoryLabel'), categories.map((c) => ({ value: c.slug, label: c.name })), query.category, t('allCategories')),
    select('neighbourhood', t('neighbourhoodLabel'), neighbourhoods.map((n) => ({ value: n.slug, label: n.name })), query.neighbourhood, t('allNeighbourhoods')),
    select('type', t('typeLabel'), HIT_TYPES.map((type) => ({ value: type, label: t(TYPES_LABEL[type]) })), query.type, t('allTypes')),
    h('button', { type: 'submit' }, t('searchButton'))
  );
  const status = h('p', { role: 'status', class: 'result-count', id: 'result-count' });
  const results = h('ol', { class: 'results', 'aria-labelledby': 'results-heading' });
  const pager = h('nav', { class: 'pager', 'aria-label': t('paginationLabel') });
  const mapElement = h('div', { id: 'map' });

  replace(
    main,
    h('h1', {}, t('mapTitle')),
    h('p', { class: 'intro' }, t('mapIntro')),
    form,
    h(
      'div',
      { class: 'map-layout' },
      h('section', { class: 'results-column', 'aria-labelledby': 'results-heading' }, h('h2', { id: 'results-heading' }, t('resultsHeading')), status, results, pager),
      h('section', { class: 'map-column', 'aria-labelledby': 'map-heading' }, h('h2', { id: 'map-heading' }, t('mapHeading')), h('p', { class: 'hint' }, t('mapNote')), mapElement)
    )
  );
  const map = createMap(
    mapElement,
    areas.data.map((area) => ({ ...area, href: detailHref('neighbourhood', area.slug) }))
  );

  async function run(current: SearchQuery) {
    writeQuery(current);
    let result;
    try {
      result = await search(current);
    } catch (error) {
      status.textContent = t('loadFailed', { message: (error as Error).message });
      return;
    }
    const offset = (result.page - 1) * PAGE_SIZE;
    replace(results, result.hits.map((hit, index) => resultItem(hit, offset + index + 1)));
    status.textContent = result.total ? count('resultCountOne', 'resultCount', result.total) : t('noResults');
    map.showPoints(
      result.hits.flatMap((hit, index) =>
        hit.lat != null && hit.lng != null
          ? [{ lat: hit.lat, lng: hit.lng, label: String(offset + index + 1), title: hit.title, href: detailHref(hit.type, hit.slug) }]
          : []
      )
    );
    const go = (page: number) => () => run({ ...current, page }).then(() => (results.querySelector('a') as HTMLElement | null)?.focus());
    replace(
      pager,
      result.page > 1 ? h('button', { type: 'button', onclick: go(result.page - 1) }, t('previousPage')) : null,
      result.pageCount > 1 ? h('span', {}, t('pageOf', { page: result.page, pages: result.pageCount })) : null,
      result.page < result.pageCount ? h('button', { type: 'button', onclick: go(result.page + 1) }, t('nextPage')) : null
    );
  }

  const fromForm = (): SearchQuery => {
    const data = new FormData(form);
    const type = String(data.get('type') ?? '') as HitType;
    return {
      q: String(data.get('q') ?? '').trim(),
      category: String(data.get('category') ?? ''),
      neighbourhood: String(data.get('neighbourhood') ?? ''),
      type: HIT_TYPES.includes(type) ? type : '',
      page: 1,
    };
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(fromForm());
  });
  // Filters apply at once; this updates the results only, it does not move focus or change the page.
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT') void run(fromForm());
  });
  await run(query);
});
