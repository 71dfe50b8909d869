import { errors } from '@strapi/utils';

export function idParam(params: Record<string, unknown>): number {
  const id = Number(params.id);
  if (!/^\d{1,10}$/.test(String(params.id)) || !Number.isSafeInteger(id) || id < 1) throw new errors.ValidationError('id must be a positive whole number');
  return id;
}

export function limitQuery(query: Record<string, unknown>): number {
  if (query.limit === undefined) return 100;
  const limit = Number(query.limit);
  if (typeof query.limit !== 'string' || !Number.isInteger(limit) || limit < 1 || limit > 500) throw new errors.ValidationError('limit must be a whole number from 1 to 500');
  return limit;
}
