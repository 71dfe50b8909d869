import { errors } from '@strapi/utils';
import { documentIdOf, pageQuery } from '@buurtplein/plugin-kit';

const UID = /^(api|plugin)::[\w-]+\.[\w-]+$/;

export function restoreBody(body: unknown): { uid: string; documentId: string } {
  const { uid, documentId } = (body ?? {}) as Record<string, unknown>;
  if (typeof uid !== 'string' || !UID.test(uid)) throw new errors.ValidationError('uid must be a content-type uid like "api::activity.activity"');
  return { uid, documentId: documentIdOf(documentId) };
}

export function runBody(body: unknown): { dryRun: boolean } {
  const { dryRun = true } = (body ?? {}) as Record<string, unknown>;
  if (typeof dryRun !== 'boolean') throw new errors.ValidationError('dryRun must be true or false');
  return { dryRun };
}

export function archivedQuery(query: Record<string, unknown>) {
  const { uid } = query;
  if (typeof uid !== 'string' || !UID.test(uid)) throw new errors.ValidationError('uid must be a content-type uid');
  return { uid, ...pageQuery(query) };
}
