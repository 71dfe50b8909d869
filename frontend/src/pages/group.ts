import { list, request } from '../api';
import { h, notice, paragraphs, replace } from '../dom';
import { count, t, type Key } from '../i18n';
import { loginForm } from '../login-form';
import { runPage, setTitle } from '../layout';
import { param } from '../paths';
import { articleList, askForm, asReader, questionList, readOne, recentQuestions, section, signedIn, type Article, type Group } from '../knowledge';
import { followSection } from '../follow-box';

type Standing = { status: 'active' | 'requested' | 'invited'; role: 'member' | 'admin' } | null;

/** Join (or ask to), accept an invitation, or leave; the answer is spoken in place. */
function membershipBox(group: Group, standing: Standing): HTMLElement {
  const box = h('section', { class: 'membership', 'aria-labelledby': 'membership-heading' }, h('h2', { id: 'membership-heading' }, t('membershipHeading')));
  if (!signedIn()) {
    box.append(loginForm(t('loginToJoin')));
    return box;
  }
  const message = h('div', { 'aria-live': 'polite' });
  const state = h('p', {}, standing ? t(`standing_${standing.status}` as Key) : t('standing_none'));
  const path = `/api/groups/${encodeURIComponent(group.documentId)}/join`;
  const act = (leaving: boolean) => async () => {
    try {
      if (leaving) await request(path, { method: 'DELETE', auth: true });
      else await request(path, { method: 'POST', auth: true });
      window.location.reload();
    } catch (error) {
      replace(message, notice((error as Error).message, 'error'));
    }
  };
  const joinLabel: Key = standing?.status === 'invited' ? 'acceptInvitation' : group.visibility === 'open' ? 'joinGroup' : 'requestToJoin';
  const button =
    standing?.status === 'active' || standing?.status === 'requested'
      ? h('button', { type: 'button', onclick: act(true) }, t(standing.status === 'active' ? 'leaveGroup' : 'withdrawRequest'))
      : h('button', { type: 'button', onclick: act(false) }, t(joinLabel));
  box.append(state, button, message);
  return box;
}

/** A group: what it is about, joining, and its articles and questions (which only its members see where it keeps them to itself). */
runPage('knowledge', t('typeGroup'), async (main) => {
  const id = param('id');
  const group = await readOne<Group>('groups', id);
  setTitle(group.name);
  const [standing, articles, questions] = await Promise.all([
    signedIn() ? request<{ data: Standing }>(`/api/groups/${encodeURIComponent(id)}/join`, { auth: true }).then((r) => r.data) : Promise.resolve(null),
    list<Article>('articles', { filters: { group: { documentId: { $eq: id } } }, fields: ['documentId', 'slug', 'title', 'summary', 'kind', 'visibility', 'lastReviewedAt'], sort: 'title:asc', pagination: { pageSize: 100 } }, asReader),
    recentQuestions({ group: { documentId: { $eq: id } } }),
  ]);
  const member = standing?.status === 'active';
  const follow = await followSection('group', group.documentId);
  replace(
    main,
    h('h1', {}, group.name),
    h('p', { class: 'meta' }, `${t(`groupVisibility_${group.visibility}` as Key)} · ${count('memberCountOne', 'memberCount', group.memberCount ?? 0)}`),
    ...paragraphs(group.description),
    membershipBox(group, standing),
    follow,
    section('group-articles-heading', t('articlesHeading'), articleList(articles.data)),
    section('group-questions-heading', t('questionsHeading'), [questionList(questions.data), member ? h('p', { class: 'hint' }, t('groupQuestionsHint')) : h('span')]),
    member ? askForm(group.documentId) : null
  );
});
