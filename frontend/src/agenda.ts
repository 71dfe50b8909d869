import { request, type Named } from './api';
import { h } from './dom';
import { formatDate, formatTime } from './format';
import { lang, t } from './i18n';
import { detailHref } from './paths';

/** One occurrence from GET /api/agenda: recurring activities appear once per date. */
export interface Occurrence {
  start: string;
  end?: string | null;
  activity: { slug: string; title: string; address?: string | null; organisation?: Named | null; neighbourhood?: Named | null };
}

export interface AgendaQuery {
  from: Date;
  to: Date;
  neighbourhood?: string;
  category?: string;
}

/** A week in a busy town has a few hundred dates; more than this is not a readable page anyway. */
const MAX_PAGES = 5;

export async function agenda({ from, to, neighbourhood, category }: AgendaQuery): Promise<Occurrence[]> {
  const occurrences: Occurrence[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = await request<{ data: Occurrence[]; meta: { total: number } }>('/api/agenda', {
      query: { from: from.toISOString(), to: to.toISOString(), neighbourhood, category, locale: lang, page, pageSize: 100 },
    });
    occurrences.push(...body.data);
    if (!body.data.length || occurrences.length >= body.meta.total) break;
  }
  return occurrences;
}

/** Occurrences grouped per day, each day a heading with a list. */
export function agendaList(occurrences: Occurrence[], headingLevel: 'h2' | 'h3' = 'h2'): HTMLElement {
  const days = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const day = formatDate(occurrence.start);
    days.set(day, [...(days.get(day) ?? []), occurrence]);
  }
  if (!days.size) return h('p', {}, t('agendaEmpty'));
  return h(
    'div',
    { class: 'agenda' },
    [...days].map(([day, items]) =>
      h(
        'section',
        { class: 'agenda-day' },
        h(headingLevel, {}, day),
        h(
          'ul',
          { class: 'plain-list' },
          items.map(({ start, end, activity }) =>
            h(
              'li',
              {},
              h('span', { class: 'time' }, `${formatTime(start)}${end ? `–${formatTime(end)}` : ''}`),
              ' ',
              h('a', { href: detailHref('activity', activity.slug) }, activity.title),
              activity.organisation ? h('span', { class: 'meta' }, ` — ${activity.organisation.name}`) : null
            )
          )
        )
      )
    )
  );
}
