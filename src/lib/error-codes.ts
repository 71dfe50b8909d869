/**
 * Stable codes in `error.details.code`. Clients translate these, never the
 * English `message`, which stays for developers. A specific code is set where
 * the error is thrown (`coded()`); every other error answer gets the generic
 * code of its status from the error-codes middleware, so each has one.
 * The reference website has a Dutch and an English text for every code
 * (frontend/src/i18n, checked by frontend/src/__tests__/server-values-texts.test.ts).
 */
export const SPECIFIC_ERROR_CODES = [
  'account.blocked',
  'account.unconfirmed',
  'link.invalid',
  'link.expired',
  'link.used',
  'two_factor.required',
  'two_factor.wrong_code',
  'two_factor.code_used',
  'two_factor.too_many_codes',
  'two_factor.log_in_again',
  'two_factor.no_setup',
  'password_reset.bad_code',
  'username.taken',
  'organisation.pending_approval',
  'organisation.claimed',
  'invitation.organisation_gone',
  'item.archived',
  'field.read_only',
  'geocoder.not_configured',
  'geocoder.unavailable',
  'picture.not_an_image',
  'enrolment.closed',
  'enrolment.deadline_passed',
  'enrolment.past',
  'enrolment.occurrence_required',
  'enrolment.not_an_occurrence',
  'enrolment.already',
  'enrolment.full',
  'enrolment.capacity_below_confirmed',
  'enrolment.mode_locked',
  'group.not_member',
  'group.last_admin',
  'group.invitation_pending',
  'question.locked',
] as const;

export const GENERIC_ERROR_CODES = {
  400: 'invalid_request',
  401: 'auth.required',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'server_error',
} as const;

/** A 400 whose fields are listed in details.errors. */
export const VALIDATION_CODE = 'validation';

export const ERROR_CODES = [...SPECIFIC_ERROR_CODES, ...Object.values(GENERIC_ERROR_CODES), VALIDATION_CODE] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Details for an error with a specific code, e.g. forbidden('…', coded('account.blocked', { reason: 'blocked' })). */
export const coded = (code: (typeof SPECIFIC_ERROR_CODES)[number], details: Record<string, unknown> = {}) => ({ ...details, code });

/** The code an error answer gets when its thrower gave none. */
export function genericCode(status: number, name?: string): ErrorCode {
  if (status === 400 && name === 'ValidationError') return VALIDATION_CODE;
  const known = GENERIC_ERROR_CODES[status as keyof typeof GENERIC_ERROR_CODES];
  if (known) return known;
  return status >= 500 ? GENERIC_ERROR_CODES[500] : GENERIC_ERROR_CODES[400];
}
