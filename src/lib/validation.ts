import { errors, validateYupSchema, yup } from '@strapi/utils';
import { DOCUMENT_ID } from '@buurtplein/plugin-kit';
import { forbidden, unauthorized } from './errors';

export { yup };

export { DOCUMENT_ID, documentIdParam } from '@buurtplein/plugin-kit';
export const documentId = () => yup.string().matches(DOCUMENT_ID, '${path} must be a documentId');
export const documentIds = () => yup.array().of(documentId().required()).max(20);
export const email = () => yup.string().trim().lowercase().email('${path} must be an email address').max(200);
export const url = () => yup.string().trim().matches(/^https?:\/\/\S+$/, '${path} must start with http:// or https://').max(500);
export const language = () => yup.string().oneOf(['nl', 'en']);
/**
 * A path on the website to return to after a login link: it must stay on the
 * site (no //host, no backslash that browsers read as a slash, no control characters).
 */
export const SITE_PATH = /^\/(?![/\\])[^\\\s\p{Cc}]*$/u;
export const sitePath = () => yup.string().max(500).matches(SITE_PATH, '${path} must be a path on the website, like /manage/');

/** The signed-in user of a route that also lets the public role in (401 otherwise). */
export function signedInUser(ctx: any): { id: number; confirmed: boolean } {
  if (!ctx.state.user?.id) throw unauthorized('Log in first');
  return ctx.state.user;
}

/** Fields only staff or our plugins may change: asking for them is refused, not silently dropped. */
export const STAFF_ONLY_FIELDS = [
  'supportCount',
  'archivedAt',
  'lastConfirmedAt',
  'members',
  'approvalStatus',
  'externalId',
  'thresholdReachedAt',
  'stage',
  'subsidies',
  'supportUntil',
  'initiator',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  'documentId',
  'id',
];

/**
 * Where an object or array stands in place of text. yup's string transforms
 * (trim, lowercase) call string methods on whatever arrives and crash on
 * those (a 500), so they are refused before yup sees them.
 */
function textExpected(schema: any, value: unknown, path: string[]): string[][] {
  if (value === undefined || value === null) return [];
  if (schema?.type === 'string') return typeof value === 'object' ? [path] : [];
  if (schema?.type === 'array' && schema.innerType && Array.isArray(value)) {
    return value.flatMap((item, index) => textExpected(schema.innerType, item, [...path, String(index)]));
  }
  if (schema?.type === 'object' && schema.fields && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries<any>(schema.fields).flatMap(([key, field]) => textExpected(field, (value as Record<string, unknown>)[key], [...path, key]));
  }
  return [];
}

function refuseNonText(schema: yup.ObjectSchema<any>, value: unknown) {
  const paths = textExpected(schema, value, []);
  if (!paths.length) return;
  const names = paths.map((path) => path.join('.'));
  throw new errors.ValidationError(`${names.join(', ')} must be text`, { errors: paths.map((path) => ({ path, message: `${path.join('.')} must be text` })) });
}

const validate = async <T>(schema: yup.ObjectSchema<any>, value: unknown): Promise<T> => {
  refuseNonText(schema, value);
  return (await validateYupSchema(schema, { strict: false, abortEarly: false })(value)) as T;
};

/**
 * Parses `body.data` against a schema: 403 for staff-only fields, 400 for
 * unknown fields or bad values, in Strapi's error shape. `names`: keys that
 * name another item here (a follow's `documentId`), not a field being changed.
 */
export async function parseData<T extends Record<string, unknown>>(body: unknown, schema: yup.ObjectSchema<any>, { names = [] }: { names?: string[] } = {}): Promise<T> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new errors.ValidationError('The request body must be { "data": { ... } }');
  }
  const staffOnly = Object.keys(data).filter((key) => STAFF_ONLY_FIELDS.includes(key) && !names.includes(key));
  if (staffOnly.length) throw forbidden(`Only staff can change: ${staffOnly.join(', ')}`, { fields: staffOnly });
  const known = Object.keys(schema.fields);
  const unknown = Object.keys(data).filter((key) => !known.includes(key));
  if (unknown.length) throw new errors.ValidationError(`Unknown fields: ${unknown.join(', ')}`, { fields: unknown });
  return validate<T>(schema.noUnknown(), data);
}

/** Validates a plain JSON body (no `data` envelope), e.g. `{ email }` for auth routes. */
export const parseBody = async <T>(body: unknown, schema: yup.ObjectSchema<any>): Promise<T> => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new errors.ValidationError('The request body must be a JSON object');
  return validate<T>(schema, body);
};

/** parseBody for bodies that may carry nothing else: an unknown key is a 400 naming it, as users-permissions' own register answers. */
export const parseKnownBody = async <T>(body: unknown, schema: yup.ObjectSchema<any>): Promise<T> => {
  const unknown = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).filter((key) => !(key in schema.fields)) : [];
  if (unknown.length) throw new errors.ValidationError(`Invalid parameters: ${unknown.join(', ')}`, { fields: unknown });
  return parseBody<T>(body, schema);
};
