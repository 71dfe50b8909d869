import { request } from './api';
import { h } from './dom';
import { formatDate } from './format';
import { t, type Key } from './i18n';

interface History {
  stage: string;
  steps: { stage: string; at: string }[];
}

interface Reaction {
  id: number;
  authorName: string | null;
  body: string;
  official: boolean;
  createdAt: string;
}

/** "How it is going": the stages so far with their dates, and what happens next. Nothing when the history cannot be read. */
export async function historySection(documentId: string): Promise<HTMLElement | null> {
  const history = await request<{ data: History }>(`/api/initiatives/${documentId}/history`).then((answer) => answer.data).catch(() => null);
  if (!history) return null;
  return h(
    'section',
    { class: 'history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('historyHeading')),
    h('ol', { class: 'plain-list' }, history.steps.map((step) => h('li', {}, t('historyStep', { stage: t(`stage_${step.stage}` as Key), date: formatDate(step.at) })))),
    h('p', {}, t(`next_${history.stage}` as Key))
  );
}

/** The reactions, staff's official replies first and marked as such; residents' and staff's text is set as text, never as HTML. */
export async function reactionsSection(documentId: string): Promise<HTMLElement | null> {
  const reactions = await request<{ data: Reaction[] }>(`/api/idea-support/initiatives/${documentId}/comments`, { query: { pageSize: '25' } })
    .then((answer) => answer.data)
    .catch(() => null);
  if (!reactions) return null;
  return h(
    'section',
    { class: 'reactions', 'aria-labelledby': 'reactions-title' },
    h('h2', { id: 'reactions-title' }, t('reactionsHeading')),
    reactions.length
      ? h(
          'ul',
          { class: 'plain-list' },
          reactions.map((reaction) =>
            h(
              'li',
              { class: reaction.official ? 'reaction official' : 'reaction' },
              reaction.official ? h('p', { class: 'kicker' }, t('officialReply')) : null,
              h('p', { class: 'meta' }, `${reaction.authorName ?? ''} · ${formatDate(reaction.createdAt)}`),
              h('p', {}, reaction.body)
            )
          )
        )
      : h('p', {}, t('reactionsEmpty'))
  );
}
