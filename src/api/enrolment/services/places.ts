import type { Core } from '@strapi/strapi';
import type { EnrolmentSettings } from '../contract';
import type { Knex } from 'knex';
import { insertRow, sqlNames } from '@buurtplein/plugin-kit';
import { bumpAfterCommit } from '../../../cache';
import { changeScopes } from '../../../cache/scopes';

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
export type Settings = EnrolmentSettings;
/** Who got a place (or a waitlist position) by a change: they are mailed after the commit. */
export interface Placed {
  enrolment: EnrolmentRow;
  status: 'confirmed' | 'waitlisted';
  position?: number;
  promoted: boolean;
}
export type NewEnrolment = Pick<EnrolmentRow, 'activity' | 'occurrence' | 'email' | 'name' | 'userId' | 'language' | 'answers'>;
export type Placement = Placed | { status: 'full' | 'closed' } | { status: 'already'; enrolment: EnrolmentRow };
interface Tally {
  confirmed: number;
  waitlisted: number;
  last: number;
}
export interface Counts {
  confirmed: number;
  waitlist: number;
}

/** Who holds a seat or waits for one; the rest (pending, cancelled) count for nothing. */
export const ACTIVE: Status[] = ['confirmed', 'waitlisted'];
export const isActive = (status: Status) => ACTIVE.includes(status);

/**
 * Where places are decided. Every decision for one activity (enrol, confirm,
 * cancel, a new capacity) runs in a transaction that first takes the
 * activity's lock: a PostgreSQL advisory lock, and on SQLite the single
 * connection Strapi gives it. So counting and placing cannot interleave and
 * the order of the waitlist is the order in which people got their turn.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(ENROLMENT as any);

  const names = sqlNames(strapi);
  const column = (attribute: string) => names.column(ENROLMENT, attribute);

  async function locked<T>(activity: string, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return strapi.db.transaction(async ({ trx }) => {
      if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [LOCK_SPACE, activity]);
      const result = await work(trx);
      // Rows written here by SQL skip the lifecycles: the public counts change, so the cache starts anew on commit.
      await bumpAfterCommit(strapi, changeScopes(strapi, 'api::activity.activity', [activity]));
      return result;
    });
  }

  const dateOf = (activity: string, occurrence: string) => ({ [column('activity')]: activity, [column('occurrence')]: occurrence });

  /**
   * Everything one enrolment is decided on, read in one statement after the
   * lock (so it sees every earlier decision): the activity's settings, the
   * tally of the date, and this person's row for it if any.
   */
  async function decisionBasis(trx: Knex.Transaction, { activity, occurrence, email }: Pick<EnrolmentRow, 'activity' | 'occurrence' | 'email'>) {
    const setting = (attribute: string) => names.column(SETTINGS, attribute);
    const ofDate = () => names.table(trx, ENROLMENT).where(dateOf(activity, occurrence));
    const counted = (status: Status) => ofDate().where(column('status'), status).count('*').as(status);
    const mine = () => ofDate().where(column('email'), email).limit(1);
    const row = await names
      .table(trx, SETTINGS)
      .where(setting('activity'), activity)
      .first(
        { open: setting('open'), capacity: setting('capacity'), waitlist: setting('waitlist') },
        counted('confirmed'),
        counted('waitlisted'),
        ofDate().max(column('place')).as('last'),
        mine().select('id').as('earlierId'),
        mine().select(column('status')).as('earlierStatus')
      );
    if (!row) return null;
    return {
      settings: { open: Boolean(row.open), capacity: row.capacity === null ? null : Number(row.capacity), waitlist: Boolean(row.waitlist) },
      tally: { confirmed: Number(row.confirmed), waitlisted: Number(row.waitlisted), last: Number(row.last) },
      earlier: row.earlierId ? { id: Number(row.earlierId), status: row.earlierStatus as Status } : null,
    };
  }

  /** A seat while there is one, else the end of the waitlist if kept; null when full. */
  function decide(settings: Pick<Settings, 'capacity' | 'waitlist'>, { confirmed, waitlisted, last }: Tally) {
    const place = last + 1;
    if (settings.capacity === null || confirmed < settings.capacity) return { status: 'confirmed' as const, place };
    return settings.waitlist ? { status: 'waitlisted' as const, place, position: waitlisted + 1 } : null;
  }

  /** The placement as the row now is, without reading it back. */
  const placed = (row: EnrolmentRow, decision: NonNullable<ReturnType<typeof decide>>, placedAt: Date): Placed => ({
    enrolment: { ...row, status: decision.status, place: decision.place, placedAt: placedAt.toISOString(), cancelledAt: null },
    status: decision.status,
    ...(decision.status === 'waitlisted' ? { position: decision.position } : {}),
    promoted: false,
  });

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

  /** Gives `row` its place under the lock: two statements (what it is decided on, the update). */
  async function placeLocked(trx: Knex.Transaction, row: EnrolmentRow): Promise<Placement> {
    const basis = await decisionBasis(trx, row);
    if (!basis?.settings.open) return { status: 'closed' };
    const decision = decide(basis.settings, basis.tally);
    if (!decision) return { status: 'full' };
    const now = new Date();
    await names
      .table(trx, ENROLMENT)
      .where({ id: row.id })
      .update({ [column('status')]: decision.status, [column('place')]: decision.place, [column('placedAt')]: now, [column('cancelledAt')]: null, [column('updatedAt')]: now });
    return placed(row, decision, now);
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
    async place(enrolmentId: number, mayPlace: (row: EnrolmentRow) => boolean = (row) => !isActive(row.status)): Promise<Placement> {
      const first = await rows().findOne({ where: { id: enrolmentId } });
      if (!first) return { status: 'closed' };
      return locked(first.activity, async (trx) => {
        const row: EnrolmentRow = await rows().findOne({ where: { id: enrolmentId } });
        if (!mayPlace(row)) return { status: 'already', enrolment: row };
        return placeLocked(trx, row);
      });
    },

    /**
     * A confirmed account's enrolment, decided and written in one locked
     * transaction of a few statements (this is what 200 people at once wait
     * for in turn): the settings, their earlier row if any, the tally, and
     * the INSERT (or the UPDATE of a cancelled row).
     */
    async enrolAtOnce(values: NewEnrolment): Promise<Placement> {
      return locked(values.activity, async (trx) => {
        const basis = await decisionBasis(trx, values);
        if (!basis?.settings.open) return { status: 'closed' };
        const { earlier } = basis;
        if (earlier && isActive(earlier.status)) return { status: 'already', enrolment: { ...values, ...earlier } as EnrolmentRow };
        const decision = decide(basis.settings, basis.tally);
        if (!decision) return { status: 'full' };
        const now = new Date();
        const written = {
          name: values.name,
          userId: values.userId,
          language: values.language,
          answers: values.answers ?? [],
          status: decision.status,
          place: decision.place,
          placedAt: now,
          cancelledAt: null,
          attended: null,
        };
        // A cancelled or unconfirmed earlier row is taken up again (the unique index allows one per person and date).
        const id: number = earlier
          ? (await rows().update({ where: { id: earlier.id }, data: written })).id
          : await insertRow(strapi, ENROLMENT, { ...written, activity: values.activity, occurrence: values.occurrence, email: values.email }, trx);
        const row = { ...values, id, answers: values.answers ?? [], attended: null } as EnrolmentRow;
        return placed(row, decision, now);
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
