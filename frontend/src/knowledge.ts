import { list, request, type QueryValue } from './api';
import { h, replace } from './dom';
import { formatDate } from './format';
import { field, onSubmit, statusArea } from './forms';
import { count, t, type Key } from './i18n';
import { loginForm } from './login-form';
import { notFound } from './layout';
import { href } from './paths';
import { session } from './session';

/** What the knowledge API answers (src/api/article, question, answer, group). */
export interface Article {
  documentId: string;
  slug: string;
  title: string;
  summary?: string | null;
  body?: string | null;
  kind: 'article' | 'guide';
  visibility: 'public' | 'members' | 'group' | 'hidden';
  lastReviewedAt?: string | null;
  group?: { documentId: string; name: string } | null;
  related?: { slug: string; title: string }[];
  categories?: { slug: string; name: string }[];
}
export interface Group {
  documentId: string;
  name: string;
  description?: string | null;
  visibility: 'open' | 'closed' | 'secret';
  memberCount: number;
}
export interface Question {
  documentId: string;
  title: string;
  body?: string | null;
  authorName?: string | null;
  answerCount: number;
  locked: boolean;
  createdAt: string;
  group?: { documentId: string; name: string } | null;
  acceptedAnswer?: { documentId: string } | null;
}
export interface Answer {
  documentId: string;
  body: string;
  authorName?: string | null;
  official: boolean;
  createdAt: string;
}

export const signedIn = () => Boolean(session.jwt());
/** Knowledge answers depend on who asks: send the session when there is one. */
export const asReader = { auth: true };

/** One group or question by documentId, read as this reader: what they may not see (or a made-up id) is "not found". */
export function readOne<T>(collection: 'groups' | 'questions', documentId: string, query: { [key: string]: QueryValue } = {}): Promise<T> {
  return request<{ data: T }>(`/api/${collection}/${encodeURIComponent(documentId)}`, { query, auth: true }).then(
    ({ data }) => data,
    (error: { status?: number }) => {
      if (error.status === 404 || error.status === 400) throw notFound();
      throw error;
    }
  );
}

export const articleHref = (article: Pick<Article, 'slug'>) => href('article', { slug: article.slug });
export const groupHref = (group: Pick<Group, 'documentId'>) => href('group', { id: group.documentId });
export const questionHref = (question: Pick<Question, 'documentId'>) => href('question', { id: question.documentId });

/** "Handleiding · alleen voor leden": what kind of text, and who else can read it. */
export function articleMeta(article: Article): string {
  const parts = [t(article.kind === 'guide' ? 'kindGuide' : 'kindArticle')];
  if (article.visibility !== 'public') parts.push(t(`visibility_${article.visibility}` as Key));
  if (article.kind === 'guide' && article.lastReviewedAt) parts.push(t('lastReviewed', { date: formatDate(article.lastReviewedAt) }));
  return parts.join(' · ');
}

export function articleList(articles: Article[]): HTMLElement {
  if (!articles.length) return h('p', {}, t('noArticles'));
  return h(
    'ul',
    { class: 'articles' },
    articles.map((article) =>
      h('li', { class: 'article-card' }, h('h3', {}, h('a', { href: articleHref(article) }, article.title)), h('p', { class: 'meta' }, articleMeta(article)), article.summary ? h('p', {}, article.summary) : null)
    )
  );
}

export function questionList(questions: Question[]): HTMLElement {
  if (!questions.length) return h('p', {}, t('noQuestions'));
  return h(
    'ul',
    { class: 'questions' },
    questions.map((question) =>
      h(
        'li',
        { class: 'question-card' },
        h('h3', {}, h('a', { href: questionHref(question) }, question.title)),
        h('p', { class: 'meta' }, [count('answerCountOne', 'answerCount', question.answerCount ?? 0), question.authorName].filter(Boolean).join(' · '))
      )
    )
  );
}

export const recentQuestions = (filters: { [key: string]: QueryValue } = {}) =>
  list<Question>('questions', { filters, fields: ['documentId', 'title', 'answerCount', 'authorName', 'createdAt'], sort: 'createdAt:desc', pagination: { pageSize: 20 } }, asReader);

/** Ask a question, in public or inside `group`; or a login first. */
export function askForm(group?: string): HTMLElement {
  if (!signedIn()) return loginForm(t('loginToAsk'));
  const status = statusArea();
  const form = h(
    'form',
    { class: 'ask-form' },
    field({ name: 'title', label: t('questionTitleLabel'), required: true }),
    field({ name: 'body', label: t('questionBodyLabel'), multiline: true }),
    h('button', { type: 'submit' }, t('askButton')),
    status
  );
  onSubmit(form, status, async (values) => {
    const { data } = await request<{ data: { documentId: string } }>('/api/questions', {
      method: 'POST',
      auth: true,
      body: { data: { title: values.title, ...(values.body ? { body: values.body } : {}), ...(group ? { group } : {}) } },
    });
    window.location.assign(questionHref(data));
  });
  return h('section', { 'aria-labelledby': 'ask-heading' }, h('h2', { id: 'ask-heading' }, t('askHeading')), form);
}

/** A section with a heading whose body loads later; the heading is there at once. */
export function section(id: string, title: string, body: HTMLElement | HTMLElement[]): HTMLElement {
  const content = h('div', {});
  replace(content, ...[body].flat());
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), content);
}
