import type { Core } from '@strapi/strapi';
import type { EnrolmentSummary, OwnEnrolment } from '../contract';
import { errors } from '@strapi/utils';
import { publicRule } from '@buurtplein/plugin-kit';
import type { PublicActivity } from '../../../discovery/public-items';
import { conflict, forbidden, notFound } from '../../../lib/errors';
import { coded } from '../../../lib/error-codes';
import { frontendLink, sendLater, sendMail, type Language } from '../../../mail';
import { alreadyEnrolledMail, confirmEnrolmentMail } from '../../../mail/enrolment-templates';
import { enrolmentLinks } from '../lib/links';
import { HOUR, settings } from '../../../lib/settings';
import { memoPerGeneration } from '../../../cache';
import { chooseOccurrence, datedFrom, SERIES, startOfEnrolment, upcomingOccurrences, type Dated } from '../lib/occurrence';
import { isActive, type EnrolmentRow, type Placed, type Placement, type Settings } from './places';
import type { Mails } from './mails';

const ENROLMENT = 'api::enrolment.enrolment';
const ACTIVITY = 'api::activity.activity';
const SETTINGS = 'api::enrolment.enrolment-settings';
const CONFIRM_HOURS = 48;
/** How many dates ahead the public summary and the organiser see for a recurring activity. */
const DATES_AHEAD = 10;

export interface EnrolInput {
  name: string;
  email?: string;
  occurrence?: string;
  answers?: string[];
}
interface Person {
  id: number;
  email: string;
  confirmed: boolean;
}

export type { EnrolmentSummary };

const CLOSED: EnrolmentSummary = {
  open: false,
  capacity: null,
  confirmed: 0,
  placesLeft: null,
  waitlist: 0,
  waitlistKept: false,
  deadline: null,
  perOccurrence: false,
  questions: [],
  occurrence: null,
};

const deadlinePassed = (settings: Settings, now = Date.now()) => settings.deadline !== null && new Date(settings.deadline).getTime() <= now;
const placesLeft = (capacity: number | null, confirmed: number) => (capacity === null ? null : Math.max(0, capacity - confirmed));

/**
 * Enrolment for activities: who may enrol for what, the confirmation by
 * mail, cancelling, and the mails that follow a change of place. Places
 * themselves are decided in the places service, under the activity's lock.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const places = () => strapi.service('api::enrolment.places') as unknown as ReturnType<typeof import('./places').default>;
  const tokens = () => strapi.service('api::account.one-time-token') as any;
  const mails = () => strapi.service('api::enrolment.mails') as unknown as Mails;
  const rows = () => strapi.db.query(ENROLMENT as any);
  const mailPlaced = (placed: Placed) => mails().placed(placed);
  const links = () => enrolmentLinks(settings(strapi).mailLinkSecret);
  let withPlaces: (() => Promise<string[]>) | undefined;

  async function findWithPlaces(): Promise<string[]> {
    const open: { activity: string }[] = await strapi.db.query(SETTINGS as any).findMany({ where: { open: true }, select: ['activity'] });
    const found: string[] = [];
    for (const { activity } of open) {
      const summary: EnrolmentSummary = await service.summary(activity);
      const left = (n: number | null) => n === null || n > 0;
      if (summary.open && (left(summary.placesLeft) || summary.occurrences?.some((o) => left(o.placesLeft)))) found.push(activity);
    }
    return found;
  }

  /**
   * What deciding an enrolment needs of its activity (whether it is public,
   * its dates), in one lean query: enrolling is the hot path when many people
   * enrol at once.
   */
  async function datesOf(documentId: string): Promise<Dated> {
    const row = await strapi.db.query(ACTIVITY).findOne({
      where: { documentId, ...publicRule(strapi, ACTIVITY).where },
      select: ['documentId', 'startsAt', 'endsAt', 'recurrence'],
    });
    if (!row) throw notFound('No public activity with this documentId');
    return datedFrom(row);
  }

  async function publicActivity(documentId: string, locale: Language = 'nl'): Promise<PublicActivity> {
    const activity = await mails().activityOf(documentId, locale);
    if (!activity) throw notFound('No public activity with this documentId');
    return activity;
  }

  const answerOf = (placement: Placed) => ({ status: placement.status, ...(placement.position ? { position: placement.position } : {}) });

  /** The row for this person and date, made pending again unless they hold a place or wait for one. */
  async function pendingRow(values: Omit<EnrolmentRow, 'id' | 'status' | 'place' | 'attended' | 'placedAt' | 'cancelledAt'>): Promise<EnrolmentRow> {
    const where = { activity: values.activity, occurrence: values.occurrence, email: values.email };
    const existing: EnrolmentRow | null = await rows().findOne({ where });
    if (existing && isActive(existing.status)) return existing;
    const data = { ...values, status: 'pending', attended: null };
    if (existing) return rows().update({ where: { id: existing.id }, data });
    try {
      return await rows().create({ data });
    } catch (error) {
      // The same person at the same moment: the unique index let one row in.
      const raced: EnrolmentRow | null = await rows().findOne({ where });
      if (!raced) throw error;
      return raced;
    }
  }

  function refusal(placement: Placement): never {
    if (placement.status === 'already') throw conflict('You are already enrolled for this activity', coded('enrolment.already'));
    if (placement.status === 'full') throw conflict('The activity is full and keeps no waiting list', coded('enrolment.full'));
    throw conflict('This activity does not take enrolments', coded('enrolment.closed'));
  }

  async function openSettings(activityId: string): Promise<Settings> {
    const settings = await places().settingsOf(activityId);
    if (!settings?.open) throw conflict('This activity does not take enrolments', coded('enrolment.closed'));
    if (deadlinePassed(settings)) throw conflict(`Enrolment closed on ${settings.deadline}`, coded('enrolment.deadline_passed', { deadline: settings.deadline }));
    return settings;
  }

  async function cancelled(row: EnrolmentRow) {
    const result = await places().cancel(row.id);
    if (!result) throw notFound('No enrolment of yours with this id');
    result.promoted.forEach(mailPlaced);
    return { id: row.id, status: 'cancelled' as const };
  }

  /** What a person sees of their own enrolments (the activity by title, their place). */
  async function ownView(found: EnrolmentRow[], language: Language): Promise<OwnEnrolment[]> {
    const active = found.filter((row) => isActive(row.status));
    return Promise.all(
      active.map(async (row): Promise<OwnEnrolment> => {
        const activity = await publicActivity(row.activity, language).catch(() => null);
        return {
          id: row.id,
          status: row.status as OwnEnrolment['status'],
          ...(row.status === 'waitlisted' ? { position: await places().positionOf(row) } : {}),
          occurrence: row.occurrence === SERIES ? null : row.occurrence,
          activity: activity ? { documentId: activity.documentId, slug: activity.slug, title: activity.title, startsAt: startOfEnrolment(activity, row.occurrence)?.toISOString() ?? null } : { documentId: row.activity },
        };
      })
    );
  }

  const service = {
    /**
     * A confirmed account is placed at once (201). Anyone else gets a
     * confirmation link (202): the answer is the same whether the address
     * was enrolled already or not, so nobody learns who goes where.
     */
    async enrol(activityId: string, input: EnrolInput, user: Person | null, language: Language) {
      const activity = await datesOf(activityId);
      const settings = await openSettings(activityId);
      const chosen = chooseOccurrence(activity, settings.perOccurrence, input.occurrence);
      if ('problem' in chosen) {
        const messages = { occurrence_required: 'Choose a date: occurrence is required', not_an_occurrence: 'The activity does not take place at this occurrence', past: 'This activity or date is over' };
        throw new errors.ValidationError(messages[chosen.problem], coded(`enrolment.${chosen.problem}`));
      }
      if (settings.questions.length < (input.answers?.length ?? 0)) {
        throw new errors.ValidationError(`This activity asks ${settings.questions.length} question(s)`, { errors: [{ path: ['answers'], message: 'more answers than questions' }] });
      }
      if (user && !user.confirmed) throw forbidden('Confirm your email address before enrolling', coded('account.unconfirmed'));
      const email = user ? user.email.toLowerCase() : input.email!;
      const values = { activity: activityId, occurrence: chosen.key, email, name: input.name, userId: user?.id ?? null, language, answers: input.answers ?? [] };
      if (user) {
        const placement = await places().enrolAtOnce(values);
        if (placement.status !== 'confirmed' && placement.status !== 'waitlisted') refusal(placement);
        mailPlaced(placement as Placed);
        return { status: 201, data: answerOf(placement as Placed) };
      }
      const row = await pendingRow(values);
      const details = mails().inMail(await publicActivity(activityId, language), chosen.key, language);
      if (row.status === 'pending') {
        const { token } = await tokens().issue({ purpose: 'enrolment-confirm', ttlMs: CONFIRM_HOURS * HOUR, email, payload: { enrolment: row.id } });
        const link = frontendLink(strapi, '/meedoen/bevestigen', { token, lang: language });
        sendLater(strapi, 'enrolment confirmation', () => sendMail(strapi, email, confirmEnrolmentMail(language, { activity: details, link, hours: CONFIRM_HOURS })));
      } else {
        sendLater(strapi, 'already enrolled', async () => sendMail(strapi, email, alreadyEnrolledMail(language, { activity: details, listLink: mails().listLink(email, language) })));
      }
      return { status: 202, data: { status: 'pending' } };
    },

    /** The confirmation link: single use, and only for the enrolment it was made for. */
    async confirm(token: unknown) {
      const record = await tokens().redeem('enrolment-confirm', token);
      const row: EnrolmentRow | null = await rows().findOne({ where: { id: record.payload?.enrolment } });
      if (!row || row.email !== record.email || row.status !== 'pending') throw new errors.ValidationError('This link is not valid', coded('link.invalid'));
      const activity = await publicActivity(row.activity);
      const placement = await places().place(row.id, (current) => current.status === 'pending');
      if (placement.status !== 'confirmed' && placement.status !== 'waitlisted') refusal(placement);
      mailPlaced(placement as Placed);
      return { ...answerOf(placement as Placed), activity: { documentId: activity.documentId, slug: activity.slug, title: activity.title } };
    },

    /** The mailed cancel link: works without logging in, for the place it was mailed about. */
    async cancelByLink(token: unknown) {
      const link = links().readCancel(token);
      if (!link) throw new errors.ValidationError('This link is not valid', coded('link.invalid'));
      const row: EnrolmentRow | null = await rows().findOne({ where: { id: link.id, email: link.email } });
      if (!row || (row.place ?? 0) !== link.place) throw new errors.ValidationError('This link is not valid', coded('link.invalid'));
      if (row.status === 'cancelled') throw new errors.ValidationError('This enrolment was cancelled already', coded('link.used'));
      return cancelled(row);
    },

    /** Everything one address is enrolled for, by the mailed list link (valid for LIST_LINK_DAYS, not used up). */
    async listByLink(token: unknown) {
      const { email, language } = this.listRecord(token);
      return ownView(await rows().findMany({ where: { email }, orderBy: { id: 'asc' } }), language);
    },

    async cancelFromList(token: unknown, id: number) {
      const { email } = this.listRecord(token);
      const row: EnrolmentRow | null = await rows().findOne({ where: { id, email } });
      if (!row) throw notFound('No enrolment of yours with this id');
      return cancelled(row);
    },

    listRecord(token: unknown) {
      const link = links().readList(token);
      if (link === 'expired') throw new errors.ValidationError('This link has expired', coded('link.expired', { reason: 'expired' }));
      if (!link) throw new errors.ValidationError('This link is not valid', coded('link.invalid', { reason: 'invalid' }));
      return link;
    },

    /** A signed-in person's enrolments: by their account, or made with their address before they had one. */
    async mine(user: Person, language: Language) {
      return ownView(await rows().findMany({ where: { $or: [{ userId: user.id }, { email: user.email.toLowerCase() }] }, orderBy: { id: 'asc' } }), language);
    },

    async cancelMine(user: Person, id: number) {
      const row: EnrolmentRow | null = await rows().findOne({ where: { id, $or: [{ userId: user.id }, { email: user.email.toLowerCase() }] } });
      if (!row || row.status === 'cancelled' || row.status === 'pending') throw notFound('No enrolment of yours with this id');
      return cancelled(row);
    },

    /**
     * The public counts of an activity (of its next date; per date also the
     * ones after). One read for an activity without enrolment; its dates are
     * read only when the answer being decorated does not hold them (?fields=).
     */
    async summary(documentId: string, answered: Record<string, unknown> = {}): Promise<EnrolmentSummary> {
      const settings = await places().settingsOf(documentId);
      if (!settings) return CLOSED;
      const activity = 'startsAt' in answered && 'endsAt' in answered && 'recurrence' in answered ? datedFrom(answered) : await datesOf(documentId).catch(() => null);
      if (!activity) return CLOSED;
      const counts = await places().counts(documentId);
      const dates = upcomingOccurrences(activity, settings.perOccurrence, DATES_AHEAD).map(({ key }) => {
        const { confirmed, waitlist } = counts.get(key) ?? { confirmed: 0, waitlist: 0 };
        return { occurrence: key, confirmed, placesLeft: placesLeft(settings.capacity, confirmed), waitlist };
      });
      const next = dates[0];
      const perDate = settings.perOccurrence && activity.recurrence !== null;
      return {
        open: settings.open && !deadlinePassed(settings) && next !== undefined,
        capacity: settings.capacity,
        confirmed: next?.confirmed ?? 0,
        placesLeft: next ? next.placesLeft : placesLeft(settings.capacity, 0),
        waitlist: next?.waitlist ?? 0,
        waitlistKept: settings.waitlist,
        deadline: settings.deadline,
        perOccurrence: perDate,
        questions: settings.questions,
        occurrence: perDate && next ? next.occurrence : null,
        ...(perDate ? { occurrences: dates } : {}),
      };
    },

    /**
     * The activities that take enrolments and have a place left, now or on a
     * date to come (hasPlaces=true on the agenda, map, feeds and search).
     * Kept per cache generation: every enrolment change starts a new one.
     */
    activitiesWithPlaces: () => (withPlaces ??= memoPerGeneration(findWithPlaces, settings(strapi).cache.ttlSeconds * 1000))(),

    publicActivity,
  };
  return service;
};
