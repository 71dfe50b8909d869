import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inputProblem } from '../guards/input-shape';
import { filtersProblem, type ModelOf } from '../guards/filter-check';

/** Deep populates turn one request into dozens of joins; no page of ours needs more. */
export const MAX_POPULATE_DEPTH = 4;

export function populateDepth(populate: unknown): number {
  if (populate === undefined || populate === null || populate === false) return 0;
  if (typeof populate === 'string') {
    return Math.max(0, ...populate.split(',').map((path) => (path.trim() ? path.split('.').length : 0)));
  }
  if (Array.isArray(populate)) return Math.max(0, ...populate.map(populateDepth));
  if (typeof populate === 'object') {
    return Math.max(0, ...Object.values(populate as Record<string, unknown>).map((value) => 1 + nestedDepth(value)));
  }
  return 1;
}

function nestedDepth(value: unknown): number {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 0;
  const { populate, on } = value as { populate?: unknown; on?: Record<string, { populate?: unknown }> };
  // Dynamic-zone fragments ({ on: { 'shared.quote': { populate } } }) add no level of their own.
  const fragments = on && typeof on === 'object' ? Object.values(on).map((f) => populateDepth(f?.populate)) : [];
  return Math.max(populateDepth(populate), ...fragments);
}

const PAGINATION_MINIMUM: Record<string, number> = { page: 1, pageSize: 1, start: 0, limit: 1 };
// Far beyond any real list, and well inside what a database offset takes.
const MAX_PAGINATION = 1_000_000_000;

/** Strapi silently clamps nonsense pagination to defaults; a caller deserves to know. */
export function paginationProblem(pagination: unknown): string | null {
  if (pagination === undefined) return null;
  if (!pagination || typeof pagination !== 'object' || Array.isArray(pagination)) return 'pagination must be an object';
  for (const [key, raw] of Object.entries(pagination as Record<string, unknown>)) {
    if (key === 'withCount') {
      if (!['true', 'false', true, false].includes(raw as string)) return 'pagination[withCount] must be true or false';
      continue;
    }
    const minimum = PAGINATION_MINIMUM[key];
    if (minimum === undefined) return `pagination[${key}] is not a pagination parameter`;
    if (typeof raw !== 'string' && typeof raw !== 'number') return `pagination[${key}] must be a whole number`;
    const value = Number(raw);
    if (!/^-?\d+$/.test(String(raw).trim()) || value < minimum || value > MAX_PAGINATION) {
      return `pagination[${key}] must be a whole number from ${minimum} to ${MAX_PAGINATION}`;
    }
  }
  return null;
}

const SCALAR_PARAMS = ['locale', 'status'];

/** `fields` names attributes: one or a list, each a name (an empty one sends Strapi's query builder off the rails). */
export function fieldsProblem(fields: unknown): string | null {
  if (fields === undefined) return null;
  const names = typeof fields === 'string' ? fields.split(',') : fields && typeof fields === 'object' ? Object.values(fields) : [fields];
  const named = names.length > 0 && names.every((name) => typeof name === 'string' && /^\s*[\w.-]+\s*$/.test(name));
  return named ? null : 'fields must name attributes, like fields[0]=title';
}

export function queryProblem(query: Record<string, unknown>, filters?: (value: unknown) => string | null): { message: string; details?: Record<string, unknown> } | null {
  const shape = inputProblem(query, 'The query string');
  if (shape) return { message: shape };
  for (const name of SCALAR_PARAMS) {
    if (query[name] !== undefined && typeof query[name] !== 'string') return { message: `${name} must be a single value` };
  }
  const pagination = paginationProblem(query.pagination);
  if (pagination) return { message: pagination };
  const fields = fieldsProblem(query.fields);
  if (fields) return { message: fields };
  if (query.filters !== undefined && filters) {
    const problem = filters(query.filters);
    if (problem) return { message: problem };
  }
  if (query.populate !== undefined) {
    const depth = populateDepth(query.populate);
    if (depth > MAX_POPULATE_DEPTH) {
      return { message: `populate is ${depth} levels deep; at most ${MAX_POPULATE_DEPTH} are allowed`, details: { maxDepth: MAX_POPULATE_DEPTH } };
    }
  }
  return null;
}

/** The content type a REST path reads (`/api/activities`, `/api/activities/:documentId`), if any. */
function collectionsByPath(strapi: Core.Strapi): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const [uid, contentType] of Object.entries<any>(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    byPath.set(contentType.info.pluralName, uid);
    byPath.set(contentType.info.singularName, uid);
  }
  // users-permissions' /users and /users/me read filters too.
  byPath.set('users', 'plugin::users-permissions.user');
  return byPath;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let types: Map<string, string> | undefined;
  const modelOf: ModelOf = (uid) => strapi.getModel(uid as any) as any;
  return async (ctx: any, next: () => Promise<void>) => {
    if (/^\/(api|embed)(\/|$)/.test(ctx.path) && ctx.query) {
      types ??= collectionsByPath(strapi);
      const uid = types.get(ctx.path.split('/')[2] ?? '');
      const problem = queryProblem(ctx.query, uid ? (filters) => filtersProblem(modelOf, uid, filters) : undefined);
      if (problem) throw new errors.ValidationError(problem.message, problem.details);
    }
    await next();
  };
};
