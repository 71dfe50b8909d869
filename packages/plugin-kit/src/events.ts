import type { Core } from '@strapi/strapi';

/** Which documents of which type changed. */
export interface ContentChange {
  uid: string;
  documentIds: string[];
}

/**
 * Changes plugins make with plain SQL, which no Strapi lifecycle or document
 * middleware sees: they announce them on the event hub, and the app's
 * response cache and search index listen. Names and payload are typed here,
 * so both sides import the same list.
 */
export const CONTENT_EVENTS = {
  archived: 'content-expiry.archived',
  deleted: 'content-expiry.deleted',
  restored: 'content-expiry.restored',
  countChanged: 'idea-support.count-changed',
  /** An item hidden by reports, or approved or removed by staff (plugins/moderation). */
  moderated: 'moderation.status-changed',
} as const;

export type ContentEvent = (typeof CONTENT_EVENTS)[keyof typeof CONTENT_EVENTS];

/** Every event that changes public answers (the cache listens to all). */
export const ALL_CONTENT_EVENTS: readonly ContentEvent[] = Object.values(CONTENT_EVENTS);

/** Events that change which documents are public, and so what search finds (not a count). */
export const VISIBILITY_EVENTS: readonly ContentEvent[] = [CONTENT_EVENTS.archived, CONTENT_EVENTS.deleted, CONTENT_EVENTS.restored, CONTENT_EVENTS.moderated];

/** The write already happened: a failing listener is logged under `by`, never thrown back at it. */
export async function announceChange(strapi: Core.Strapi, by: string, event: ContentEvent, change: ContentChange) {
  if (change.documentIds.length) await emitLogged(strapi, by, event, change);
}

async function emitLogged(strapi: Core.Strapi, by: string, event: string, payload: unknown) {
  try {
    await strapi.eventHub.emit(event, payload);
  } catch (error) {
    strapi.log.error(`[${by}] a listener of ${event} failed: ${(error as Error).message}`);
  }
}

export function onContentChange(strapi: Core.Strapi, events: readonly ContentEvent[], listener: (change: ContentChange, event: ContentEvent) => Promise<unknown>) {
  for (const event of events) {
    strapi.eventHub.on(event, async (change: ContentChange) => {
      await listener(change, event);
    });
  }
}

/**
 * What happened to an item that people following it hear about, announced by
 * the plugin where it happens (the app records it for followers). `detail`
 * tells one occurrence from another: an official reply's id.
 */
export const MILESTONES = {
  thresholdReached: 'idea-support.threshold-reached',
  officialReply: 'idea-support.official-reply',
} as const;

export type MilestoneEvent = (typeof MILESTONES)[keyof typeof MILESTONES];
export interface Milestone {
  uid: string;
  documentId: string;
  detail?: string;
}

/** Like announceChange: the milestone already happened, a failing listener is logged under `by`. */
export const announceMilestone = (strapi: Core.Strapi, by: string, event: MilestoneEvent, milestone: Milestone) => emitLogged(strapi, by, event, milestone);

export function onMilestone(strapi: Core.Strapi, event: MilestoneEvent, listener: (milestone: Milestone) => Promise<void>) {
  strapi.eventHub.on(event, listener);
}
