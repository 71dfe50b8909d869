import { errors } from '@strapi/utils';
import type { PublicRule } from '@buurtplein/plugin-kit';
import { forbidden } from '../lib/errors';

type Query = Record<string, unknown>;

export interface Caller {
  /** Staff with a full-access API token see drafts and archived items; nobody else does. */
  isStaff: boolean;
}

/**
 * Strapi 5 serves drafts to anyone with `find` via `?status=draft` (or any
 * value but `published`). Public readers get published, non-archived rows
 * only, whatever the query asks.
 */
export function restrictToPublic(query: Query, rule: Pick<PublicRule, 'documentFilters'>): Query {
  const { status, filters, ...rest } = query;
  if (status !== undefined && status !== 'published') {
    if (status === 'draft') throw forbidden('Drafts are not public');
    throw new errors.ValidationError('Invalid status: only "published" is allowed');
  }
  const visible = rule.documentFilters;
  const merged = filters && visible ? { $and: [filters, visible] } : (filters ?? visible);
  return { ...rest, status: 'published', ...(merged ? { filters: merged } : {}) };
}

// Strapi 5.54 names its content API token strategy 'content-api-token'; earlier 5.x 'api-token'.
export const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

export function callerOf(ctx: any): Caller {
  const auth = ctx.state?.auth;
  return { isStaff: API_TOKEN_STRATEGIES.includes(auth?.strategy?.name) && auth?.credentials?.type === 'full-access' };
}
