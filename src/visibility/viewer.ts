import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { callerOf } from '../public-reads/public-query';

const MEMBERSHIP = 'api::group.membership';

/**
 * Who reads, as far as visibility cares: staff (a full-access API token) see
 * everything; a signed-in person sees what members see, plus the groups they
 * are an active member of; anyone else sees what is public.
 */
export type Viewer = { kind: 'staff' } | { kind: 'anonymous' } | { kind: 'member'; userId: number; groups: string[] };

const VIEWER = Symbol('viewer');

/** The groups (documentIds) someone is an active member of: one indexed read. */
export async function groupsOf(strapi: Core.Strapi, userId: number): Promise<string[]> {
  const rows: { group: string }[] = await strapi.db.query(MEMBERSHIP as any).findMany({ where: { userId, status: 'active' }, select: ['group'] });
  return rows.map((row) => row.group);
}

/** Worked out once per request. */
export async function viewerOf(strapi: Core.Strapi, ctx: any): Promise<Viewer> {
  if (ctx.state[VIEWER]) return ctx.state[VIEWER];
  const userId: number | undefined = ctx.state.user?.id;
  const viewer: Viewer = callerOf(ctx).isStaff ? { kind: 'staff' } : userId ? { kind: 'member', userId, groups: await groupsOf(strapi, userId) } : { kind: 'anonymous' };
  ctx.state[VIEWER] = viewer;
  return viewer;
}

export type MemberViewer = Extract<Viewer, { kind: 'member' }>;

/**
 * Someone who counts as a person (the one account model): a signed-in,
 * confirmed account, as the member viewer it reads as. 401 without a
 * session, 403 `account.unconfirmed` before the address is confirmed.
 */
export async function confirmedMember(strapi: Core.Strapi, ctx: any): Promise<{ viewer: MemberViewer; user: Record<string, any> }> {
  const user = ctx.state.user;
  if (!user) throw new errors.UnauthorizedError('Log in first');
  if (!user.confirmed) throw new errors.PolicyError('Confirm your email address first', { reason: 'unconfirmed', code: 'account.unconfirmed' });
  const viewer = await viewerOf(strapi, ctx);
  if (viewer.kind !== 'member') throw new errors.UnauthorizedError('Log in first');
  return { viewer, user };
}
