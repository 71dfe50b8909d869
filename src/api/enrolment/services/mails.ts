import type { Core } from '@strapi/strapi';
import { outboxOf, publicRule, type ComposedMail, type MailAddressee, type MailKind, type SendOutcome } from '@buurtplein/plugin-kit';
import { toActivity, type PublicActivity } from '../../../discovery/public-items';
import { enrolmentCalendar } from '../../../discovery/ical';
import { fullAddress } from '../../../discovery/markup';
import { spokenDateTime } from '../../../discovery/local-time';
import { frontendLink, inTownVoice, sendLater, type Language } from '../../../mail';
import { enrolmentPlacedMail, enrolmentReminderMail, organiserMessageMail, type ActivityInMail, type PlacedAs } from '../../../mail/enrolment-templates';
import { settings } from '../../../lib/settings';
import { enrolmentLinks } from '../lib/links';
import { SERIES, startOfEnrolment } from '../lib/occurrence';
import type { EnrolmentRow, Placed } from './places';

const ENROLMENT = 'api::enrolment.enrolment';
const ACTIVITY = 'api::activity.activity';

export const PLACED_KIND = 'enrolment.placed';
export const REMINDER_KIND = 'enrolment.reminder';
export const MESSAGE_KIND = 'enrolment.message';

interface PlacedPayload {
  enrolment: number;
  as: PlacedAs;
  position?: number;
}
interface ReminderPayload {
  enrolment: number;
}
export interface MessagePayload {
  enrolment: number;
  organisation: string;
  subject: string;
  message: string;
}

const languageOf = (row: Pick<EnrolmentRow, 'language'>): Language => (row.language === 'en' ? 'en' : 'nl');

/**
 * The enrolment mails that must go exactly once, through the outbox: a
 * change of place, the reminder before the date, and the organiser's message
 * to everyone enrolled. Each is composed at send time (and again on a retry)
 * from the enrolment as it is then, with its signed cancel and list links.
 */
const mails = ({ strapi }: { strapi: Core.Strapi }) => {
  const activities = () => strapi.db.query(ACTIVITY);

  /**
   * The activity as the reader's language has it (else Dutch), published and
   * not archived, in two lean queries: every enrolment mail needs it.
   */
  async function activityOf(documentId: string, language: Language = 'nl'): Promise<PublicActivity | null> {
    const where = { documentId, ...publicRule(strapi, ACTIVITY).where };
    const read = (locale: Language) => activities().findOne({ where: { ...where, locale }, populate: { organisation: { select: ['documentId', 'slug', 'name', 'website'] } } });
    const row = (await read(language)) ?? (language === 'nl' ? null : await read('nl'));
    return row ? toActivity(row, strapi.log) : null;
  }
  const outbox = () => outboxOf(strapi, 'enrolment');

  const inMail = (activity: PublicActivity, occurrence: string, language: Language): ActivityInMail => {
    const start = startOfEnrolment(activity, occurrence);
    return { title: activity.title, when: start ? spokenDateTime(start, language) : null, where: fullAddress(activity) || null };
  };

  const links = () => enrolmentLinks(settings(strapi).mailLinkSecret);
  const listLink = (email: string, language: Language) => frontendLink(strapi, '/meedoen/mijn-inschrijvingen', { token: links().listToken(email, language), lang: language });

  /** What every enrolment mail holds: the enrolment, its activity as the reader's language has it, and its cancel link. */
  async function context(id: number, to: MailAddressee) {
    const row: EnrolmentRow | null = await strapi.db.query(ENROLMENT as any).findOne({ where: { id } });
    if (!row) throw new Error(`enrolment ${id} no longer exists`);
    const activity = await activityOf(row.activity, to.language);
    if (!activity) throw new Error(`activity ${row.activity} is not public (any more)`);
    return {
      row,
      activity,
      details: inMail(activity, row.occurrence, to.language),
      cancelLink: frontendLink(strapi, '/meedoen/afmelden', { token: links().cancelToken(row), lang: to.language }),
    };
  }

  const voiced = (mail: ComposedMail) => inTownVoice(strapi, mail) as ComposedMail;

  const placedKind: MailKind<PlacedPayload> = {
    label: { nl: 'Inschrijving: plaats of wachtlijst', en: 'Enrolment: place or waiting list' },
    async compose({ enrolment: id, as, position }, to) {
      const { row, activity, details, cancelLink } = await context(id, to);
      const mail = voiced(enrolmentPlacedMail(to.language, { activity: details, as, position, cancelLink, listLink: listLink(row.email, to.language) }));
      const date = row.occurrence === SERIES ? null : { uid: `enrolment-${row.id}`, start: new Date(row.occurrence) };
      const calendar = as === 'waitlisted' ? null : enrolmentCalendar(strapi, activity, to.language, date);
      return calendar ? { ...mail, attachments: [{ filename: 'activiteit.ics', content: calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] } : mail;
    },
  };

  const reminderKind: MailKind<ReminderPayload> = {
    label: { nl: 'Inschrijving: herinnering', en: 'Enrolment: reminder' },
    async compose({ enrolment: id }, to) {
      const { details, cancelLink } = await context(id, to);
      return voiced(enrolmentReminderMail(to.language, { activity: details, cancelLink }));
    },
  };

  const messageKind: MailKind<MessagePayload> = {
    label: { nl: 'Inschrijving: bericht van de organisatie', en: 'Enrolment: message from the organisation' },
    async compose({ enrolment: id, organisation, subject, message }, to) {
      const { details } = await context(id, to);
      return voiced(organiserMessageMail(to.language, { activity: details, organisation, subject, message }));
    },
  };

  /** One mail of `kind` to an enrolee, identified by (enrolment, round) so it goes once whoever asks again. */
  const send = <P>(kind: string, row: EnrolmentRow, round: string, payload: P): Promise<SendOutcome> =>
    outbox().send<P>({ kind, ref: String(row.id), round, to: row.email, language: languageOf(row), payload });

  return {
    activityOf,
    inMail,
    listLink,
    send,

    register() {
      outbox().registerKind(PLACED_KIND, placedKind);
      outbox().registerKind(REMINDER_KIND, reminderKind);
      outbox().registerKind(MESSAGE_KIND, messageKind);
    },

    /** Each change of place gets its own mail: (enrolment, what happened, its place number). Sent after the answer. */
    placed(placed: Placed) {
      const as: PlacedAs = placed.promoted ? 'promoted' : placed.status;
      const { enrolment: row } = placed;
      const payload: PlacedPayload = { enrolment: row.id, as, ...(placed.position ? { position: placed.position } : {}) };
      sendLater(strapi, 'enrolment placed', () => send(PLACED_KIND, row, `${as}-${row.place}`, payload));
    },
  };
};

export type Mails = ReturnType<typeof mails>;
export default mails;
