import type { Core } from '@strapi/strapi';
import { PUBLIC_MODERATION_STATUSES } from '@buurtplein/plugin-kit';
import { itemUrl, type ItemKind } from '../../../discovery/links';
import { excerptOf, frontendLink } from '../../../mail';
import type { NewsEntry } from '../../../mail/follow-templates';
import { ANSWER, ARTICLE } from '../../../visibility/rules';
import type { FollowerKey } from './links';
import { eventsAt, type EventIndex, type FollowEvent, type Frequency } from './matching';
import { ANONYMOUS, visibleDocuments } from './visible-documents';

export interface StoredEvent extends FollowEvent {
  kind: string;
  item: string;
  detail: string;
}

/** A line of news, and who is told of it another way (the initiator gets an official reply in a mail of its own). */
export interface Entry extends NewsEntry {
  notFor?: FollowerKey;
}

const INITIATIVE = 'api::initiative.initiative';
const COMMENT = 'plugin::idea-support.comment';

/** Where each kind of event's item lives and how the site links it. */
const ITEMS: Record<string, { uid: string; kind: ItemKind }> = {
  activity: { uid: 'api::activity.activity', kind: 'activities' },
  initiative: { uid: INITIATIVE, kind: 'initiatives' },
  article: { uid: ARTICLE, kind: 'articles' },
};
const itemTypeOf = (event: Pick<StoredEvent, 'kind'>) => event.kind.split('.')[0];

/**
 * The news line of each event whose item the public may still read when the
 * mail is made (an archived activity, a hidden answer or a removed reply is
 * left out), with its public name and the site's address for it.
 */
export async function newsEntries(strapi: Core.Strapi, events: StoredEvent[]): Promise<Map<number, Entry>> {
  const entries = new Map<number, Entry>();
  for (const [type, { uid, kind }] of Object.entries(ITEMS)) {
    const ofType = events.filter((event) => itemTypeOf(event) === type);
    const found = await visibleDocuments(strapi, uid, [...new Set(ofType.map((e) => e.item))], ANONYMOUS, { fields: ['documentId', 'title', 'slug', 'locale'] });
    const items = new Map(found.map((doc) => [doc.documentId as string, doc]));
    for (const event of ofType) {
      const item = items.get(event.item);
      if (item) entries.set(event.id, { kind: event.kind, title: item.title, url: itemUrl(strapi, item.locale, kind, item.slug), detail: event.detail || undefined });
    }
  }
  await addAnswers(strapi, events, entries);
  await addReplies(strapi, events, entries);
  return entries;
}

async function addAnswers(strapi: Core.Strapi, events: StoredEvent[], entries: Map<number, Entry>) {
  const answers = events.filter((event) => event.kind === 'answer.new');
  const found = await visibleDocuments(strapi, ANSWER, answers.map((e) => e.item), ANONYMOUS, { fields: ['documentId'], populate: { question: { fields: ['documentId', 'title'] } } });
  const questions = new Map(found.map((answer) => [answer.documentId as string, answer.question as { documentId: string; title: string } | null]));
  for (const event of answers) {
    const question = questions.get(event.item);
    if (question) entries.set(event.id, { kind: event.kind, title: question.title, url: frontendLink(strapi, '/question.html', { id: question.documentId }) });
  }
}

/** An official reply's first lines go along; its initiator hears of it in a mail of their own (lib/reply-mail), not again as a follower. */
async function addReplies(strapi: Core.Strapi, events: StoredEvent[], entries: Map<number, Entry>) {
  const replies = events.filter((event) => event.kind === 'initiative.reply' && entries.has(event.id));
  if (!replies.length) return;
  const found = await publicOfficialReplies(strapi, replies.map((e) => Number(e.detail)));
  const initiators = await initiatorsOf(strapi, replies.map((e) => e.item));
  for (const event of replies) {
    const body = found.get(Number(event.detail))?.body;
    if (body === undefined) entries.delete(event.id);
    else {
      const initiator = initiators.get(event.item);
      entries.set(event.id, { ...entries.get(event.id)!, detail: undefined, excerpt: excerptOf(body), ...(initiator ? { notFor: `u:${initiator}` as FollowerKey } : {}) });
    }
  }
}

/** Official replies the public may still read (not removed by moderation), by id. */
export async function publicOfficialReplies(strapi: Core.Strapi, ids: number[]): Promise<Map<number, { body: string; authorName: string }>> {
  const rows: { id: number; body: string; authorName: string }[] = await strapi.db.query(COMMENT as any).findMany({
    where: { id: { $in: ids }, official: true, status: { $in: [...PUBLIC_MODERATION_STATUSES] } },
    select: ['id', 'body', 'authorName'],
  });
  return new Map(rows.map((row) => [row.id, row]));
}

export async function initiatorsOf(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, number>> {
  const rows: { documentId: string; initiator?: { id: number } | null }[] = await strapi.db
    .query(INITIATIVE as any)
    .findMany({ where: { documentId: { $in: [...new Set(documentIds)] } }, select: ['documentId'], populate: { initiator: { select: ['id'] } } });
  return new Map(rows.flatMap((row) => (row.initiator ? [[row.documentId, row.initiator.id] as [string, number]] : [])));
}

/** What one follower is told at `frequency`: their events (lib/matching) that have a news line for them. */
export const newsFor = (follower: { key: FollowerKey; follows: Parameters<typeof eventsAt>[0] }, events: EventIndex<StoredEvent>, entries: Map<number, Entry>, frequency: Frequency) =>
  eventsAt(follower.follows, events, frequency).filter((event) => entries.has(event.id) && entries.get(event.id)!.notFor !== follower.key);
