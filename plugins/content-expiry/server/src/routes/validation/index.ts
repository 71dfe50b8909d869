import { errors } from '@strapi/utils';

const DOCUMENT_ID = /^[a-z0-9]{24}$/;
const UID = /^(api|plugin)::[\w-]+\.[\w-]+$/;

export function restoreBody(body: unknown): { uid: string; documentId: string } {
  const { uid, documentId } = (body ?? {}) as Record<string, unknown>;
  if (typeof uid !== 'string' || !UID.test(uid)) throw new errors.ValidationError('uid must be a content-type uid like "api::activity.activity"');
  if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) throw new errors.ValidationError('documentId is not a valid document id');
  return { uid, documentId };
}

export function runBody(body: unknown): { dryRun: boolean } {
  const { dryRun = true } = (body ?? {}) as Record<string, unknown>;
  if (typeof dryRun !== 'boolean') throw new errors.ValidationError('dryRun must be true or false');
  return { dryRun };
}

export function archivedQuery(query: Record<string, unknown>) {
  const { uid } = query;
  if (typeof uid !== 'string' || !UID.test(uid)) throw new errors.ValidationError('uid must be a content-type uid');
  const page = query.page === undefined ? 1 : Number(query.page);
  const pageSize = query.pageSize === undefined ? 25 : Number(query.pageSize);
  if (!Number.isInteger(page) || page < 1) throw new errors.ValidationError('page must be a whole number ≥ 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new errors.ValidationError('pageSize must be a whole number from 1 to 100');
  return { uid, page, pageSize };
}
