import type { Core } from '@strapi/strapi';

const ENROLMENT = 'api::enrolment.enrolment';
const SETTINGS = 'api::enrolment.enrolment-settings';
/** The first key of PostgreSQL's two-key advisory locks, so ours never meet another feature's. */
const LOCK_SPACE = 17_017;

export type Status = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';
export interface EnrolmentRow {
  id: number;
  activity: string;
  occurrence: string;
  email: string;
  name: string;
  userId: number | null;
  language: string | null;
  status: Status;
  place: number | null;
  answers: string[] | null;
  attended: boolean | null;
  placedAt: string | null;
  cancelledAt: string | null;
}
export interface Settings {
  open: boolean;
  capacity: number | null;
  waitlist: boolean;
  deadline: string | null;
  perOccurrence: boolean;
  questions: string[];
}
/** Who got a place (or a waitlist position) by a change: they are mailed after the commit. */
export interface Placed {
  enrolment: EnrolmentRow;
  status: 'confirmed' | 'waitlisted';
  position?: number;
  promoted: boolean;
}
export type Placement = Placed | { status: 'full' | 'closed' } | { status: 'already'; enrolment: EnrolmentRow };
export interface Counts {
  confirmed: number;
  waitlist: number;
}

const ACTIVE: Status[] = ['confirmed', 'waitlisted'];

/**
 * Where places are decided. Every decision for one activity (enrol, confirm,
 * cancel, a new capacity) runs in a transaction that first takes the
 * activity's lock: a PostgreSQL advisory lock, and on SQLite the single
 * connection Strapi gives it. So counting and placing cannot interleave and
 * the order of the waitlist is the order in which people got their turn.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(ENROLMENT as any);

  async function locked<T>(activity: string, work: () => Promise<T>): Promise<T> {
    return strapi.db.transaction(async ({ trx }) => {
      if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [LOCK_SPACE, activity]);
      return work();
    });
  }

  const settingsOf = async (activity: string): Promise<Settings | null> => {
    const row = await strapi.db.query(SETTINGS as any).findOne({ where: { activity } });
    if (!row) return null;
    return {
      open: Boolean(row.open),
      capacity: row.capacity ?? null,
      waitlist: Boolean(row.waitlist),
      deadline: row.deadline ? new Date(row.deadline).toISOString() : null,
      perOccurrence: Boolean(row.perOccurrence),
      questions: Array.isArray(row.questions) ? row.questions : [],
    };
  };

  const count = (activity: string, occurrence: string, status: Status) => rows().count({ where: { activity, occurrence, status } });

  async function positionOf(row: EnrolmentRow): Promise<number> {
    return 1 + (await rows().count({ where: { activity: row.activity, occurrence: row.occurrence, status: 'waitlisted', place: { $lt: row.place } } }));
  }

  async function nextPlace(activity: string, occurrence: string): Promise<number> {
    const last = await rows().findOne({ where: { activity, occurrence, place: { $notNull: true } }, orderBy: { place: 'desc' }, select: ['place'] });
    return (last?.place ?? 0) + 1;
  }

  /** Gives `row` its place: a seat while there is one, else the end of the waitlist if kept. Runs under the lock. */
  async function placeLocked(row: EnrolmentRow, settings: Settings): Promise<Placed | { status: 'full' }> {
    const confirmed = await count(row.activity, row.occurrence, 'confirmed');
    const status = settings.capacity === null || confirmed < settings.capacity ? 'confirmed' : settings.waitlist ? 'waitlisted' : null;
    if (!status) return { status: 'full' };
    const place = await nextPlace(row.activity, row.occurrence);
    const enrolment = await rows().update({ where: { id: row.id }, data: { status, place, placedAt: new Date(), cancelledAt: null } });
    return status === 'confirmed' ? { enrolment, status, promoted: false } : { enrolment, status, position: await positionOf(enrolment), promoted: false };
  }

  /** Moves the first of the waitlist up while there are seats. */
  async function promoteLocked(activity: string, occurrence: string, settings: Settings): Promise<Placed[]> {
    const promoted: Placed[] = [];
    let confirmed = await count(activity, occurrence, 'confirmed');
    while (settings.capacity === null || confirmed < settings.capacity) {
      const first = await rows().findOne({ where: { activity, occurrence, status: 'waitlisted' }, orderBy: { place: 'asc' } });
      if (!first) break;
      const enrolment = await rows().update({ where: { id: first.id }, data: { status: 'confirmed' } });
      promoted.push({ enrolment, status: 'confirmed', promoted: true });
      confirmed += 1;
    }
    return promoted;
  }

  return {
    locked,
    settingsOf,
    positionOf,

    /** An enrolment whose email is known to be the person's (a confirmed account, a confirm link): placed at once. */
    async place(enrolmentId: number, mayPlace: (row: EnrolmentRow) => boolean = (row) => !ACTIVE.includes(row.status)): Promise<Placement> {
      const first = await rows().findOne({ where: { id: enrolmentId } });
      if (!first) return { status: 'closed' };
      return locked(first.activity, async () => {
        const row: EnrolmentRow = await rows().findOne({ where: { id: enrolmentId } });
        if (!mayPlace(row)) return { status: 'already', enrolment: row };
        const settings = await settingsOf(row.activity);
        if (!settings?.open) return { status: 'closed' };
        return placeLocked(row, settings);
      });
    },

    /** Cancels, and gives a freed seat to the first of the waitlist in the same transaction. Null when it was cancelled already. */
    async cancel(enrolmentId: number): Promise<{ enrolment: EnrolmentRow; promoted: Placed[] } | null> {
      const first = await rows().findOne({ where: { id: enrolmentId } });
      if (!first) return null;
      return locked(first.activity, async () => {
        const row: EnrolmentRow = await rows().findOne({ where: { id: enrolmentId } });
        if (row.status === 'cancelled') return null;
        const enrolment = await rows().update({ where: { id: row.id }, data: { status: 'cancelled', cancelledAt: new Date() } });
        const settings = await settingsOf(row.activity);
        const promoted = row.status === 'confirmed' && settings ? await promoteLocked(row.activity, row.occurrence, settings) : [];
        return { enrolment, promoted };
      });
    },

    /** Seats taken and waiting per occurrence of one activity. */
    async counts(activity: string): Promise<Map<string, Counts>> {
      const found: { occurrence: string; status: Status }[] = await rows().findMany({
        where: { activity, status: { $in: ACTIVE } },
        select: ['occurrence', 'status'],
      });
      const counts = new Map<string, Counts>();
      for (const { occurrence, status } of found) {
        const entry = counts.get(occurrence) ?? { confirmed: 0, waitlist: 0 };
        if (status === 'confirmed') entry.confirmed += 1;
        else entry.waitlist += 1;
        counts.set(occurrence, entry);
      }
      return counts;
    },

    /**
     * New settings for an activity, decided under its lock: a capacity below
     * the seats already given for a date to come is refused (nobody is
     * cancelled silently); a higher one moves people up from the waitlist.
     */
    async saveSettings(activity: string, next: Settings, upcoming: string[]): Promise<{ refused: { occurrence: string; confirmed: number } | null; promoted: Placed[] }> {
      return locked(activity, async () => {
        if (next.capacity !== null) {
          for (const occurrence of upcoming) {
            const confirmed = await count(activity, occurrence, 'confirmed');
            if (confirmed > next.capacity) return { refused: { occurrence, confirmed }, promoted: [] };
          }
        }
        const settings = strapi.db.query(SETTINGS as any);
        const existing = await settings.findOne({ where: { activity }, select: ['id'] });
        if (existing) await settings.update({ where: { id: existing.id }, data: next });
        else await settings.create({ data: { ...next, activity } });
        const promoted: Placed[] = [];
        for (const occurrence of upcoming) promoted.push(...(await promoteLocked(activity, occurrence, next)));
        return { refused: null, promoted };
      });
    },
  };
};
