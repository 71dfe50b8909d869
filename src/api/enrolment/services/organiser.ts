import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Enrolee } from '../contract';
import { stringify } from 'csv-stringify/sync';
import { conflict, notFound } from '../../../lib/errors';
import { coded } from '../../../lib/error-codes';
import { protectCell } from '../../../export/spreadsheet-cell';
import { sendLater } from '../../../mail';
import { SERIES } from '../lib/occurrence';
import { ACTIVE, type EnrolmentRow, type Settings } from './places';
import { MESSAGE_KIND, type MessagePayload, type Mails } from './mails';

const ENROLMENT = 'api::enrolment.enrolment';
export const SETTINGS_DEFAULTS: Settings = { open: false, capacity: null, waitlist: true, deadline: null, perOccurrence: false, questions: [] };
const SETTING_KEYS = Object.keys(SETTINGS_DEFAULTS) as (keyof Settings)[];

export type { Enrolee };

/**
 * What an organisation does with the enrolment of its own activities. The
 * caller has checked membership (src/api/my); nothing here checks it again.
 */
const organiser = ({ strapi }: { strapi: Core.Strapi }) => {
  const places = () => strapi.service('api::enrolment.places') as unknown as ReturnType<typeof import('./places').default>;
  const mails = () => strapi.service('api::enrolment.mails') as unknown as Mails;
  const rows = () => strapi.db.query(ENROLMENT as any);

  return {
    async settings(activityId: string): Promise<Settings | null> {
      return places().settingsOf(activityId);
    },

    /**
     * Saves what is given, keeps the rest. A capacity below the seats given
     * for a date to come is refused with that date and count; switching
     * between per date and the series is refused once people are enrolled.
     */
    async save(activityId: string, input: Partial<Settings>): Promise<Settings> {
      const current = (await places().settingsOf(activityId)) ?? SETTINGS_DEFAULTS;
      const next = Object.fromEntries(SETTING_KEYS.map((key) => [key, input[key] === undefined ? current[key] : input[key]])) as unknown as Settings;
      const counts = await places().counts(activityId);
      if (next.perOccurrence !== current.perOccurrence && counts.size > 0) {
        throw conflict('People are enrolled already: per date or for the series can no longer change', coded('enrolment.mode_locked'));
      }
      const now = Date.now();
      const upcoming = [...counts.keys()].filter((key) => key === SERIES || new Date(key).getTime() > now);
      const { refused, promoted } = await places().saveSettings(activityId, next, upcoming);
      if (refused) {
        throw conflict(`${refused.confirmed} people are enrolled for ${refused.occurrence}: the capacity cannot go below that`, coded('enrolment.capacity_below_confirmed', refused));
      }
      promoted.forEach((placed) => mails().placed(placed));
      return next;
    },

    /** Who is enrolled (and waiting, in order) for one date or all, for the organiser's list and CSV. */
    async enrolees(activityId: string, occurrence?: string): Promise<Enrolee[]> {
      const found: EnrolmentRow[] = await rows().findMany({
        where: { activity: activityId, status: { $in: ACTIVE }, ...(occurrence ? { occurrence } : {}) },
        orderBy: [{ occurrence: 'asc' }, { place: 'asc' }],
      });
      const waiting = new Map<string, number>();
      return found.map((row) => {
        const position = row.status === 'waitlisted' ? (waiting.get(row.occurrence) ?? 0) + 1 : undefined;
        if (position) waiting.set(row.occurrence, position);
        return {
          id: row.id,
          occurrence: row.occurrence === SERIES ? null : row.occurrence,
          name: row.name,
          email: row.email,
          status: row.status as Enrolee['status'],
          ...(position ? { position } : {}),
          answers: Array.isArray(row.answers) ? row.answers : [],
          attended: row.attended ?? null,
          placedAt: row.placedAt ? new Date(row.placedAt).toISOString() : null,
        };
      });
    },

    /** The list as a spreadsheet: every text cell safe from formula injection. */
    csv(enrolees: Enrolee[], questions: string[]): string {
      const header = ['occurrence', 'status', 'position', 'name', 'email', ...questions.map((q, i) => `answer ${i + 1}: ${q}`), 'attended'];
      const text = (value: string) => protectCell(value);
      const lines = enrolees.map((e) => [
        e.occurrence ?? '',
        e.status,
        e.position ?? '',
        text(e.name),
        text(e.email),
        ...questions.map((_q, i) => text(e.answers[i] ?? '')),
        e.attended === null ? '' : e.attended ? 'yes' : 'no',
      ]);
      return stringify([header.map(text), ...lines]);
    },

    /**
     * The organiser's message to everyone enrolled or waiting (for one date, or
     * all): answered at once, sent after, each through the outbox so a failure
     * lands on the staff's outbox page with a retry.
     */
    async message(activityId: string, { occurrence, subject, message }: { occurrence?: string; subject: string; message: string }) {
      const activity = await mails().activityOf(activityId);
      if (!activity) throw notFound('Only a published activity can be mailed about');
      const recipients: EnrolmentRow[] = await rows().findMany({
        where: { activity: activityId, status: { $in: ACTIVE }, ...(occurrence ? { occurrence } : {}) },
      });
      const round = `message-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      const payload = (row: EnrolmentRow): MessagePayload => ({ enrolment: row.id, organisation: activity.organisation?.name ?? '', subject, message });
      sendLater(strapi, 'organiser message', async () => {
        for (const row of recipients) await mails().send(MESSAGE_KIND, row, round, payload(row));
      });
      return { recipients: recipients.length };
    },

    async markAttendance(activityId: string, id: number, attended: boolean | null) {
      const row = await rows().findOne({ where: { id, activity: activityId, status: 'confirmed' } });
      if (!row) throw notFound('No confirmed enrolment with this id on this activity');
      await rows().update({ where: { id }, data: { attended } });
      return { id, attended };
    },
  };
};

export type Organiser = ReturnType<typeof organiser>;
export default organiser;
