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

/** Of these events, the ones this follower hears of at `frequency`, in the given order. */
export const eventsAt = <E extends FollowEvent>(follows: readonly FollowedSubject[], events: readonly E[], frequency: Frequency): E[] =>
  events.filter((event) => frequencyFor(follows, event) === frequency);
