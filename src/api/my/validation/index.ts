import { readDateTime } from '../../../import/cells';
import { TARGET_GROUPS } from '../../../lib/target-groups';
import { documentId, documentIds, email, url, yup } from '../../../lib/validation';
import { MAX_QUESTIONS } from '../../enrolment/validation';

const text = (max: number) => yup.string().max(max).nullable();
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
/**
 * A point in time a database column holds on SQLite and PostgreSQL alike (and a person means).
 * Only text the import would read too: yup's own casting turns [1] into 2001 and 30 February into 2 March.
 */
const moment = () =>
  yup
    .date()
    .transform((_cast: unknown, original: unknown) => {
      if (original === null || original === undefined || original instanceof Date) return original;
      const read = typeof original === 'string' ? readDateTime(original) : null;
      return read && 'value' in read ? new Date(read.value) : new Date(Number.NaN);
    })
    .typeError('${path} must be a date and time, e.g. 2026-12-01T10:00:00Z')
    .min(new Date('1900-01-01T00:00:00Z'), '${path} must be after 1900')
    .max(new Date('2999-12-31T23:59:59Z'), '${path} must be before 3000')
    .nullable();
const place = {
  address: text(200),
  postalCode: text(16),
  city: text(100),
  latitude: yup.number().min(-90).max(90).nullable(),
  longitude: yup.number().min(-180).max(180).nullable(),
};

/**
 * A point is both coordinates or neither: with half of one the item would
 * silently stay off the map. Named on the field that is missing.
 */
export const withPoint = (schema: yup.ObjectSchema<any>) =>
  schema.test('point', function point(value) {
    if (!value) return true;
    const given = (name: string) => value[name] !== undefined && value[name] !== null;
    if (given('latitude') === given('longitude')) return true;
    const missing = given('latitude') ? 'longitude' : 'latitude';
    return this.createError({ path: missing, message: 'latitude and longitude go together: give both, or neither' });
  });

export const organisationFields = {
  name: yup.string().trim().min(2).max(200),
  description: text(10_000),
  categories: documentIds(),
  neighbourhoods: documentIds(),
  ...place,
  phone: text(40),
  email: email().nullable(),
  website: url().nullable(),
  reminderEmail: email().nullable(),
};

export const organisationUpdate = withPoint(yup.object(organisationFields));

const ENROLMENT_FIELDS = {
  open: yup.boolean(),
  capacity: yup.number().integer().min(1).max(100_000).nullable(),
  waitlist: yup.boolean(),
  deadline: moment(),
  perOccurrence: yup.boolean(),
  questions: yup.array().of(yup.string().trim().min(1).max(200).required()).max(MAX_QUESTIONS),
};

/** The enrolment settings on their own: staff save them in the admin panel's side panel of an activity. */
export const enrolmentSettingsData = yup.object(ENROLMENT_FIELDS);

const RRULE = /^(RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,+:-]+)*$/;

const activityFields = {
  title: yup.string().trim().min(2).max(200),
  description: text(10_000),
  organisation: documentId(),
  categories: documentIds(),
  neighbourhood: documentId().nullable(),
  ...place,
  startsAt: moment(),
  endsAt: moment().when('startsAt', (startsAt: unknown, schema: any) =>
    // A startsAt that is no date is reported on its own field; comparing with it would throw.
    isDate(startsAt) ? schema.min(startsAt, 'endsAt must not be before startsAt') : schema
  ),
  recurrence: yup.string().matches(RRULE, 'recurrence must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=TU').max(500).nullable(),
  cost: yup.number().min(0).max(100_000).nullable(),
  costNote: text(200),
  targetGroups: yup.array().of(yup.string().oneOf([...TARGET_GROUPS]).required()).max(TARGET_GROUPS.length).nullable(),
  enrolmentUrl: url().nullable(),
  capacity: yup.number().integer().min(0).max(100_000).nullable(),
  // Kept apart from the activity's own fields: one row per activity (api::enrolment.enrolment-settings).
  enrolment: yup
    .object(ENROLMENT_FIELDS)
    // Strapi's validation strips unknown keys before tests see them: the original value tells.
    .test('known-fields', function knownFields() {
      const unknown = Object.keys(((this as unknown as { originalValue?: object }).originalValue) ?? {}).filter((key) => !(key in ENROLMENT_FIELDS));
      return unknown.length ? this.createError({ message: `\${path} has unknown fields: ${unknown.join(', ')}` }) : true;
    })
    .default(undefined),
};

export const activityCreate = withPoint(
  yup.object({
    ...activityFields,
    title: activityFields.title.required(),
    organisation: activityFields.organisation.required(),
  })
);
export const activityUpdate = withPoint(yup.object(activityFields));

export const invitation = yup.object({ email: email().required(), language: yup.string().oneOf(['nl', 'en']) });

export const localeQuery = (query: Record<string, unknown>) => (query.locale === 'en' ? 'en' : 'nl');

/** What an initiator may write; stage, subsidies, dates and counts are for staff. */
const initiativeFields = {
  title: yup.string().trim().min(4).max(200),
  summary: yup.string().trim().max(500).nullable(),
  description: yup.string().max(20_000).nullable(),
  theme: documentId().nullable(),
  neighbourhood: documentId().nullable(),
  latitude: place.latitude,
  longitude: place.longitude,
};
export const initiativeCreate = withPoint(yup.object({ ...initiativeFields, title: initiativeFields.title.required() }));
export const initiativeUpdate = withPoint(yup.object(initiativeFields));
