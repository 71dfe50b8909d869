/**
 * What the enrolment API answers, typed once for the server and the
 * reference website (frontend/), which imports this file: no imports here.
 */

/** An activity's enrolment settings, as its organisation sets them. */
export interface EnrolmentSettings {
  open: boolean;
  /** Null: no maximum. */
  capacity: number | null;
  waitlist: boolean;
  deadline: string | null;
  /** A recurring activity takes enrolments per date of its RRULE instead of for the series. */
  perOccurrence: boolean;
  questions: string[];
}

/** What the public read of an activity says of its enrolment: counts, never a person. */
export interface EnrolmentSummary {
  open: boolean;
  capacity: number | null;
  confirmed: number;
  placesLeft: number | null;
  waitlist: number;
  waitlistKept: boolean;
  deadline: string | null;
  perOccurrence: boolean;
  questions: string[];
  occurrence: string | null;
  occurrences?: { occurrence: string; confirmed: number; placesLeft: number | null; waitlist: number }[];
}

/** One person on the organiser's list. */
export interface Enrolee {
  id: number;
  /** Null for an enrolment for the whole activity. */
  occurrence: string | null;
  name: string;
  email: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
  answers: string[];
  attended: boolean | null;
  placedAt: string | null;
}

/** The answer to enrolling: placed at once, or a confirmation mail on its way. */
export interface EnrolAnswer {
  status: 'confirmed' | 'waitlisted' | 'pending';
  position?: number;
}

/** One of a person's own enrolments (signed in, or by the mailed list link). */
export interface OwnEnrolment {
  id: number;
  status: 'confirmed' | 'waitlisted';
  position?: number;
  occurrence: string | null;
  /** Only the documentId when the activity is no longer public. */
  activity: { documentId: string; slug?: string; title?: string; startsAt?: string | null };
}
