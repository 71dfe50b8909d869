import { errors } from '@strapi/utils';

const DIGITS = /^\d{1,16}$/;

/**
 * A whole number from a URL (path parameter or query), checked at the edge:
 * only a plain string of digits counts, so `?limit[]=5`, `?page=1&page=2`,
 * `1.5` and `-1` are the same clear 400 (Strapi's ValidationError) as any
 * other bad value, never a 500 further in.
 */
export function wholeNumber(raw: unknown, name: string, { min = 1, max = Number.MAX_SAFE_INTEGER, fallback }: { min?: number; max?: number; fallback?: number } = {}): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = typeof raw === 'string' && DIGITS.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new errors.ValidationError(`${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}`);
  }
  return value;
}

/** Row ids are 32-bit integer columns: a larger number would be a database error (a 500 on PostgreSQL), not "not found". */
export const MAX_ROW_ID = 2_147_483_647;

/** A row id from the path: a positive whole number in the id column's range. */
export const idParam = (params: Record<string, unknown>, name = 'id') => wholeNumber(params[name], name, { max: MAX_ROW_ID });

/** An admin list's `?limit=`: 1 to 500, 100 when absent. */
export const limitQuery = (query: Record<string, unknown>) => wholeNumber(query.limit, 'limit', { max: 500, fallback: 100 });

/** `?page=&pageSize=`: page from 1, pageSize from 1 to `maxPageSize`. */
export function pageQuery(query: Record<string, unknown>, { pageSize = 25, maxPageSize = 100 } = {}) {
  return {
    page: wholeNumber(query.page, 'page', { fallback: 1 }),
    pageSize: wholeNumber(query.pageSize, 'pageSize', { max: maxPageSize, fallback: pageSize }),
  };
}

/** A documentId as Strapi makes them (24 lower-case letters and digits). */
export const DOCUMENT_ID = /^[a-z0-9]{24}$/;

export function documentIdOf(value: unknown, name = 'documentId'): string {
  if (typeof value !== 'string' || !DOCUMENT_ID.test(value)) throw new errors.ValidationError(`${name} is not a valid document id`);
  return value;
}

export const documentIdParam = (params: Record<string, unknown>) => documentIdOf(params.documentId);

/** Public reads are strict: an unknown parameter is a 400 naming it, so made-up ones cannot each fill a cache entry. */
export function onlyParams(query: Record<string, unknown>, known: readonly string[]) {
  const unknown = Object.keys(query ?? {}).filter((key) => !known.includes(key));
  if (unknown.length) {
    const understood = known.length ? `this endpoint understands ${known.join(', ')}` : 'this endpoint takes none';
    throw new errors.ValidationError(`Unknown query parameters: ${unknown.join(', ')} (${understood})`, { params: unknown });
  }
}
