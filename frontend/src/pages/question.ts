import { list, request } from '../api';
import { h, notice, paragraphs, replace } from '../dom';
import { formatDate } from '../format';
import { field, onSubmit, statusArea } from '../forms';
import { count, t } from '../i18n';
import { loginForm } from '../login-form';
import { runPage, setTitle } from '../layout';
import { param } from '../paths';
import { asReader, groupHref, readOne, signedIn, type Answer, type Question } from '../knowledge';

/** Who asked marks the answer that helped them; the page reloads to show it marked. */
function acceptButton(question: Question, answer: Answer): HTMLElement {
  const message = h('span', { 'aria-live': 'polite' });
  const accept = async () => {
    try {
      await request(`/api/questions/${encodeURIComponent(question.documentId)}/accept`, { method: 'POST', auth: true, body: { data: { answer: answer.documentId } } });
      window.location.reload();
    } catch (error) {
      replace(message, notice((error as Error).message, 'error'));
    }
  };
  return h('p', {}, h('button', { type: 'button', class: 'link-button', onclick: accept }, t('acceptButton')), message);
}

function answerItem(question: Question, answer: Answer, { accepted, askedByReader }: { accepted: boolean; askedByReader: boolean }): HTMLElement {
  const marks = [answer.official ? t('officialAnswer') : null, accepted ? t('acceptedAnswer') : null].filter(Boolean) as string[];
  return h(
    'li',
    { class: `answer${answer.official ? ' official' : ''}${accepted ? ' accepted' : ''}` },
    marks.length ? h('p', { class: 'answer-mark' }, marks.join(' · ')) : null,
    ...paragraphs(answer.body),
    h('p', { class: 'meta' }, [answer.authorName, formatDate(answer.createdAt)].filter(Boolean).join(' · ')),
    askedByReader && !accepted ? acceptButton(question, answer) : null
  );
}

function answerForm(question: Question): HTMLElement {
  if (question.locked) return h('p', {}, t('error.question.locked'));
  if (!signedIn()) return loginForm(t('loginToAnswer'));
  const status = statusArea();
  const form = h('form', { class: 'answer-form' }, field({ name: 'body', label: t('answerLabel'), required: true, multiline: true }), h('button', { type: 'submit' }, t('answerButton')), status);
  onSubmit(form, status, async (values) => {
    await request(`/api/questions/${encodeURIComponent(question.documentId)}/answers`, { method: 'POST', auth: true, body: { data: { body: values.body } } });
    window.location.reload();
  });
  return h('section', { 'aria-labelledby': 'answer-heading' }, h('h2', { id: 'answer-heading' }, t('answerHeading')), form);
}

/** A question and its answers: the official answer first, then the accepted one, then the rest in order. */
runPage('knowledge', t('typeQuestion'), async (main) => {
  const id = param('id');
  const question = await readOne<Question>('questions', id, { populate: { group: { fields: ['documentId', 'name'] }, acceptedAnswer: { fields: ['documentId'] } } });
  setTitle(question.title);
  const [answers, mine] = await Promise.all([
    list<Answer>('answers', { filters: { question: { documentId: { $eq: id } } }, sort: ['official:desc', 'createdAt:asc'], pagination: { pageSize: 100 } }, asReader),
    signedIn() ? request<{ data: { documentId: string }[] }>('/api/my/questions', { auth: true }).then((r) => r.data) : Promise.resolve([]),
  ]);
  const askedByReader = mine.some((own) => own.documentId === question.documentId);
  const acceptedId = question.acceptedAnswer?.documentId;
  const ordered = [...answers.data].sort((a, b) => Number(b.official) - Number(a.official) || Number(b.documentId === acceptedId) - Number(a.documentId === acceptedId));
  replace(
    main,
    h('h1', {}, question.title),
    h('p', { class: 'meta' }, [question.authorName, formatDate(question.createdAt)].filter(Boolean).join(' · ')),
    question.group ? h('p', {}, t('inGroup'), ' ', h('a', { href: groupHref(question.group) }, question.group.name)) : null,
    ...paragraphs(question.body),
    h(
      'section',
      { 'aria-labelledby': 'answers-heading' },
      h('h2', { id: 'answers-heading' }, count('answerCountOne', 'answerCount', ordered.length)),
      ordered.length ? h('ol', { class: 'answers' }, ordered.map((answer) => answerItem(question, answer, { accepted: answer.documentId === acceptedId, askedByReader }))) : h('p', {}, t('noAnswers'))
    ),
    answerForm(question)
  );
});
