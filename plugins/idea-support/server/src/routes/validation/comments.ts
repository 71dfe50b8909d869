import { errors } from '@strapi/utils';
import { onlyParams, pageQuery } from '@buurtplein/plugin-kit';

/** The same limit as the schema's maxLength on comment.body. */
export const MAX_COMMENT_LENGTH = 2000;

export function commentListQuery(query: Record<string, unknown>): { page: number; pageSize: number } {
  onlyParams(query, ['page', 'pageSize']);
  return pageQuery(query, { pageSize: 25, maxPageSize: 100 });
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
