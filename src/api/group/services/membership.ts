import type { Core } from '@strapi/strapi';
import { sqlNames } from '@buurtplein/plugin-kit';
import { bumpAfterCommit } from '../../../cache';
import { notFound } from '../../../lib/errors';

const GROUP = 'api::group.group';
const MEMBERSHIP = 'api::group.membership';

export type MembershipStatus = 'active' | 'requested' | 'invited';
export interface Membership {
  id: number;
  group: string;
  userId: number;
  role: 'member' | 'admin';
  status: MembershipStatus;
}

const isUniqueViolation = (error: unknown) => /unique|duplicate/i.test(String((error as Error)?.message ?? error));

/** Joining, requesting, accepting an invitation and leaving a group; the member count follows in SQL. */
const membership = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(MEMBERSHIP as any);
  const names = sqlNames(strapi);

  /** memberCount from the ledger in one statement: two people joining at once both count. */
  async function recount(group: string) {
    const knex = strapi.db.connection;
    const active = names
      .table(knex, MEMBERSHIP)
      .count('*')
      .where(names.column(MEMBERSHIP, 'group'), group)
      .where(names.column(MEMBERSHIP, 'status'), 'active');
    await names
      .table(knex, GROUP)
      .where(names.column(GROUP, 'documentId'), group)
      .update({ [names.column(GROUP, 'memberCount')]: active });
    // Plain SQL skips the lifecycles that keep the public cache fresh.
    await bumpAfterCommit(strapi);
  }

  const find = (group: string, userId: number): Promise<Membership | null> => rows().findOne({ where: { group, userId } });

  return {
    find,

    /**
     * Open: a member at once. Closed: a request a group admin decides on.
     * Secret: only with an invitation, which joining accepts; without one the
     * group does not exist for this person (404).
     */
    async join(group: string, userId: number): Promise<Membership> {
      const found: { visibility: 'open' | 'closed' | 'secret' } | null = await strapi.db.query(GROUP).findOne({ where: { documentId: group }, select: ['visibility'] });
      const earlier = found ? await find(group, userId) : null;
      if (!found || (found.visibility === 'secret' && !earlier)) throw notFound('No group with this documentId');
      if (earlier?.status === 'invited') {
        await rows().update({ where: { id: earlier.id }, data: { status: 'active' } });
        await recount(group);
        return { ...earlier, status: 'active' };
      }
      if (earlier) return earlier;
      const status: MembershipStatus = found.visibility === 'open' ? 'active' : 'requested';
      try {
        const made: Membership = await rows().create({ data: { group, userId, role: 'member', status } });
        if (status === 'active') await recount(group);
        return made;
      } catch (error) {
        // The same person twice at once: the unique index lets one row in, the other reads it.
        if (!isUniqueViolation(error)) throw error;
        return (await find(group, userId))!;
      }
    },

    /** Leaving, or withdrawing a request or invitation. */
    async leave(group: string, userId: number): Promise<{ left: boolean }> {
      const earlier = await find(group, userId);
      if (!earlier) return { left: false };
      await rows().delete({ where: { id: earlier.id } });
      await recount(group);
      return { left: true };
    },
  };
};

export type MembershipService = ReturnType<typeof membership>;
export default membership;
