import { list, request, vocabulary } from '../api';
import { h, replace } from '../dom';
import { select } from '../forms';
import { count, lang, t, type Key } from '../i18n';
import { runPage } from '../layout';
import { href, param } from '../paths';
import { articleHref, articleList, askForm, asReader, groupHref, questionHref, questionList, recentQuestions, section, type Article, type Group } from '../knowledge';

interface Hit {
  type: 'article' | 'question';
  documentId: string;
  slug: string;
  title: string;
  snippet: string;
}

const ARTICLE_FIELDS = ['documentId', 'slug', 'title', 'summary', 'kind', 'visibility', 'lastReviewedAt'];

/** Search results: articles and questions the reader may see, as the API found them. */
function hits(found: Hit[], total: number): HTMLElement[] {
  return [
    h('p', { role: 'status', class: 'result-count' }, total ? count('resultCountOne', 'resultCount', total) : t('noResults')),
    h(
      'ol',
      { class: 'search-results' },
      found.map((hit) =>
        h('li', {}, h('h3', {}, h('a', { href: hit.type === 'article' ? articleHref(hit) : questionHref(hit) }, hit.title)), h('p', { class: 'meta' }, t(hit.type === 'article' ? 'typeArticle' : 'typeQuestion')), h('p', {}, hit.snippet))
      )
    ),
  ];
}

/**
 * Kennisbank: articles and guides (by category, or searched together with
 * the questions), the groups, and recent questions with an ask form. Signed
 * in, a reader also sees what members and their own groups may see.
 */
runPage('knowledge', t('knowledgeTitle'), async (main) => {
  const q = param('q');
  const category = param('category');
  const [categories, articles, groups, questions] = await Promise.all([
    vocabulary('categories'),
    q
      ? request<{ data: Hit[]; meta: { pagination: { total: number } } }>('/api/search', { query: { q, types: 'article,question', locale: lang, pageSize: 50 }, auth: true })
      : list<Article>('articles', { fields: ARTICLE_FIELDS, filters: category ? { categories: { slug: { $eq: category } } } : {}, sort: 'title:asc', pagination: { pageSize: 100 } }, asReader),
    list<Group>('groups', { fields: ['documentId', 'name', 'visibility', 'memberCount'], sort: 'name:asc', pagination: { pageSize: 100 } }, asReader),
    recentQuestions(),
  ]);
  const searchForm = h(
    'form',
    { class: 'filters', method: 'get', role: 'search', 'aria-label': t('knowledgeSearchLabel') },
    h('div', { class: 'field' }, h('label', { for: 'knowledge-q' }, t('knowledgeSearchLabel')), h('input', { id: 'knowledge-q', name: 'q', type: 'search', value: q })),
    select('category', t('categoryLabel'), categories.map((c) => ({ value: c.slug, label: c.name })), category, t('allCategories')),
    h('input', { type: 'hidden', name: 'lang', value: lang }),
    h('button', { type: 'submit' }, t('searchButton'))
  );
  replace(
    main,
    h('h1', {}, t('knowledgeTitle')),
    h('p', { class: 'intro' }, t('knowledgeIntro')),
    searchForm,
    section(
      'articles-heading',
      q ? t('searchResultsHeading') : t('articlesHeading'),
      q ? hits((articles as { data: Hit[] }).data, (articles as { meta: { pagination: { total: number } } }).meta.pagination.total) : articleList((articles as { data: Article[] }).data)
    ),
    section(
      'groups-heading',
      t('groupsHeading'),
      groups.data.length
        ? h(
            'ul',
            { class: 'groups' },
            groups.data.map((group) => h('li', {}, h('a', { href: groupHref(group) }, group.name), ' ', h('span', { class: 'meta' }, `${t(`groupVisibility_${group.visibility}` as Key)} · ${count('memberCountOne', 'memberCount', group.memberCount ?? 0)}`)))
          )
        : h('p', {}, t('noGroups'))
    ),
    section('questions-heading', t('questionsHeading'), questionList(questions.data)),
    askForm(),
    h('p', {}, h('a', { href: href('initiatives') }, t('navInitiatives')))
  );
});
