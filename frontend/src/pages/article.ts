import { bySlug } from '../api';
import { h, paragraphs, replace } from '../dom';
import { t } from '../i18n';
import { notFound, runPage, setTitle } from '../layout';
import { param } from '../paths';
import { articleHref, articleMeta, asReader, groupHref, type Article } from '../knowledge';

/**
 * One article or guide, read with the session (a member's article is read as
 * that member); related articles only as far as the reader may see them.
 */
runPage('knowledge', t('typeArticle'), async (main) => {
  const article = await bySlug<Article>(
    'articles',
    param('slug'),
    { populate: { group: { fields: ['documentId', 'name'] }, related: { fields: ['slug', 'title'] }, categories: { fields: ['name', 'slug'] } } },
    asReader
  );
  if (!article) throw notFound();
  setTitle(article.title);
  replace(
    main,
    h('h1', {}, article.title),
    h('p', { class: 'meta' }, articleMeta(article)),
    article.group ? h('p', {}, t('inGroup'), ' ', h('a', { href: groupHref(article.group) }, article.group.name)) : null,
    article.summary ? h('p', { class: 'intro' }, article.summary) : null,
    ...paragraphs(article.body),
    article.categories?.length ? h('p', { class: 'meta' }, `${t('categoriesLabel')}: ${article.categories.map((c) => c.name).join(', ')}`) : null,
    article.related?.length
      ? h('section', { 'aria-labelledby': 'related-heading' }, h('h2', { id: 'related-heading' }, t('relatedHeading')), h('ul', {}, article.related.map((r) => h('li', {}, h('a', { href: articleHref(r) }, r.title)))))
      : null
  );
});
