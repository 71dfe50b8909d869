export type Frequency = 'immediate' | 'daily' | 'weekly';

/** How soon each frequency hears: an event goes out once, at the soonest one that applies. */
const SOONEST: Frequency[] = ['immediate', 'daily', 'weekly'];

/** One thing a follower follows (`type:documentId`), how often they hear of it and since when. */
export interface FollowedSubject {
  subject: string;
  frequency: Frequency;
  since: Date;
}

export interface FollowEvent {
  id: number;
  subjects: string[];
  createdAt: Date;
}

/**
 * The frequency at which one follower hears of an event, or null when none of
 * their follows applies. Only follows that had begun when the event happened
 * count (a new follower gets no old news), and of those the soonest wins: who
 * follows an initiative at once and its neighbourhood weekly hears of the
 * initiative's news once, at once.
 */
export function frequencyFor(follows: readonly FollowedSubject[], event: FollowEvent): Frequency | null {
  let best = SOONEST.length;
  for (const follow of follows) {
    if (follow.since.getTime() > event.createdAt.getTime() || !event.subjects.includes(follow.subject)) continue;
    best = Math.min(best, SOONEST.indexOf(follow.frequency));
  }
  return best < SOONEST.length ? SOONEST[best] : null;
}

/** Events by the subjects they concern: a follower's candidates are read from it, not found among all events. */
export type EventIndex<E extends FollowEvent> = ReadonlyMap<string, readonly E[]>;

export function indexBySubject<E extends FollowEvent>(events: readonly E[]): EventIndex<E> {
  const index = new Map<string, E[]>();
  for (const event of events) {
    for (const subject of event.subjects) {
      const list = index.get(subject);
      if (list) list.push(event);
      else index.set(subject, [event]);
    }
  }
  return index;
}

/** Of the indexed events, the ones this follower hears of at `frequency`, oldest first (by id). */
export function eventsAt<E extends FollowEvent>(follows: readonly FollowedSubject[], index: EventIndex<E>, frequency: Frequency): E[] {
  const candidates = new Set<E>();
  for (const follow of follows) for (const event of index.get(follow.subject) ?? []) candidates.add(event);
  return [...candidates].filter((event) => frequencyFor(follows, event) === frequency).sort((a, b) => a.id - b.id);
}
