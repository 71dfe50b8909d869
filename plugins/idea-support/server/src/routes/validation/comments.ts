import { errors } from '@strapi/utils';
import { onlyParams } from './index';

/** The same limit as the schema's maxLength on comment.body. */
export const MAX_COMMENT_LENGTH = 2000;
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;
const WHOLE_NUMBER = /^\d+$/;

function wholeNumber(raw: unknown, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  // Arrays (?page=1&page=2) and objects (?page[x]=1) are strings no longer: refuse them like any other bad value.
  const value = typeof raw === 'string' && WHOLE_NUMBER.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new errors.ValidationError(`${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}`);
  }
  return value;
}

export function commentListQuery(query: Record<string, unknown>): { page: number; pageSize: number } {
  onlyParams(query, ['page', 'pageSize']);
  return {
    page: wholeNumber(query.page, 'page', 1, 1),
    pageSize: wholeNumber(query.pageSize, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  };
}

export function commentIdParam(params: Record<string, unknown>): number {
  const { id } = params;
  const value = typeof id === 'string' && WHOLE_NUMBER.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new errors.ValidationError('id is not a valid comment id');
  return value;
}

/** `{ data: { body } }` and nothing else: authorName, status and the like are never the client's to set. */
export function commentBody(requestBody: unknown): string {
  const data = (requestBody as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new errors.ValidationError('Send { "data": { "body": "…" } }');
  const unknown = Object.keys(data).filter((key) => key !== 'body');
  if (unknown.length) throw new errors.ValidationError(`Only body can be sent; not ${unknown.join(', ')}`, { invalidKeys: unknown });
  const { body } = data as { body?: unknown };
  if (typeof body !== 'string') throw new errors.ValidationError('body must be text');
  const trimmed = body.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_COMMENT_LENGTH) {
    throw new errors.ValidationError(`body must be 1 to ${MAX_COMMENT_LENGTH} characters`, { maxLength: MAX_COMMENT_LENGTH });
  }
  // PostgreSQL text cannot hold NUL; without this check it would be a 500.
  if (trimmed.includes('\u0000')) throw new errors.ValidationError('body contains a NUL character');
  return trimmed;
}
