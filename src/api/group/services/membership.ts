import type { Core } from '@strapi/strapi';
import { claimRow, sqlNames } from '@buurtplein/plugin-kit';
import { bumpAfterCommit } from '../../../cache';
import { ANY_CONTENT } from '../../../cache/scopes';
import { conflict, forbidden, notFound } from '../../../lib/errors';
import { coded } from '../../../lib/error-codes';
import { sendLater, sendMail, frontendLink, languageOf } from '../../../mail';
import { groupInvitationMail } from '../../../mail/knowledge-templates';

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
    await bumpAfterCommit(strapi, [ANY_CONTENT]);
  }

  const find = (group: string, userId: number): Promise<Membership | null> => rows().findOne({ where: { group, userId } });
  /** A new membership row, or null when this person has one in this group already. */
  const claim = (group: string, userId: number, status: MembershipStatus) => claimRow(strapi, MEMBERSHIP, { group, userId, role: 'member', status }, ['group', 'userId']);

  /** Someone's membership of a group that exists for them (null: none yet); a secret group they are not in does not (404). */
  async function seenGroup(group: string, userId: number) {
    const own = await find(group, userId);
    if (own?.status === 'active') return own;
    const found = await strapi.db.query(GROUP).findOne({ where: { documentId: group }, select: ['visibility'] });
    if (!found || found.visibility === 'secret') throw notFound('No group with this documentId');
    return own;
  }

  /** Members, requests and invitations, admins first; names as they show publicly. */
  async function members(group: string): Promise<Member[]> {
    const found: Membership[] = await rows().findMany({ where: { group }, orderBy: [{ role: 'asc' }, { id: 'asc' }] });
    const users: { id: number; displayName?: string; username: string }[] = found.length
      ? await strapi.db.query('plugin::users-permissions.user').findMany({ where: { id: { $in: found.map((m) => m.userId) } }, select: ['id', 'displayName', 'username'] })
      : [];
    const shown = new Map(users.map((u) => [u.id, u.displayName || u.username]));
    return found.map((m) => ({ id: m.id, name: shown.get(m.userId) ?? '—', role: m.role, status: m.status }));
  }

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
      // The same person twice at once: the unique (group, user) index lets one row in, the other reads it.
      const made = await claim(group, userId, status);
      if (made !== null && status === 'active') await recount(group);
      return (await find(group, userId))!;
    },

    /** Leaving, or withdrawing a request or invitation; the last admin of a group with members stays. */
    async leave(group: string, userId: number): Promise<{ left: boolean }> {
      const earlier = await find(group, userId);
      if (!earlier) return { left: false };
      await keepAnAdmin(group, earlier, null);
      await rows().delete({ where: { id: earlier.id } });
      await recount(group);
      return { left: true };
    },

    /** Someone's membership of a group that exists for them; an invitation to a secret group shows, so it can be accepted. */
    async standing(group: string, userId: number) {
      const own = await find(group, userId);
      return own?.status === 'invited' ? own : seenGroup(group, userId);
    },

    /** Who may manage a group's members: its active admins (staff do it in the admin panel). */
    async assertAdmin(group: string, userId: number) {
      const own = await seenGroup(group, userId);
      if (own?.status !== 'active' || own.role !== 'admin') throw forbidden("Only the group's admins manage its members");
      return own;
    },

    /** Who may post in a group: its active members. */
    async assertMember(group: string, userId: number) {
      const own = await seenGroup(group, userId);
      if (own?.status !== 'active') throw forbidden('Only members of this group can post in it', coded('group.not_member'));
      return own;
    },

    members,

    /** Accepting a request, or making someone admin or member again. */
    async change(group: string, id: number, change: { status?: 'active'; role?: Membership['role'] }): Promise<Member> {
      const earlier: Membership | null = await rows().findOne({ where: { id, group } });
      if (!earlier) throw notFound('No member with this id in this group');
      if (change.status === 'active' && earlier.status === 'invited') throw conflict('An invitation is accepted by who was invited', coded('group.invitation_pending'));
      const next = { ...earlier, ...change };
      await keepAnAdmin(group, earlier, next);
      await rows().update({ where: { id }, data: change });
      await recount(group);
      return (await members(group)).find((m) => m.id === id)!;
    },

    /** Removing a member, or declining a request or withdrawing an invitation. */
    async remove(group: string, id: number) {
      const earlier: Membership | null = await rows().findOne({ where: { id, group } });
      if (!earlier) throw notFound('No member with this id in this group');
      await keepAnAdmin(group, earlier, null);
      await rows().delete({ where: { id } });
      await recount(group);
      return { removed: true };
    },

    /**
     * An invitation to an account by its email address, mailed to it. The
     * answer is the same whether the address has an account or is in the
     * group already: nobody learns who uses buurtplein by inviting them.
     */
    async invite(group: string, email: string, inviter: string) {
      const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: email.toLowerCase() }, select: ['id', 'email', 'language'] });
      if (!user || (await claim(group, user.id, 'invited')) === null) return { invited: true };
      const { name } = await strapi.db.query(GROUP).findOne({ where: { documentId: group }, select: ['name'] });
      const language = languageOf(user.language);
      const link = frontendLink(strapi, '/group.html', { id: group, lang: language });
      sendLater(strapi, 'group invitation', () => sendMail(strapi, user.email, groupInvitationMail(language, { group: name, inviter, link })));
      return { invited: true };
    },
  };

  /** A group with members keeps at least one active admin: refused when this change would take away the last. */
  async function keepAnAdmin(group: string, before: Membership, after: Membership | null) {
    const wasAdmin = before.role === 'admin' && before.status === 'active';
    const staysAdmin = after !== null && after.role === 'admin' && after.status === 'active';
    if (!wasAdmin || staysAdmin) return;
    const admins = await rows().count({ where: { group, role: 'admin', status: 'active' } });
    const members = await rows().count({ where: { group, status: 'active' } });
    if (admins <= 1 && members > 1) throw conflict('A group keeps at least one admin: make someone else admin first', coded('group.last_admin'));
  }
};

export type MembershipService = ReturnType<typeof membership>;

/** One line of a group admin's member list: a display name, never an address. */
export interface Member {
  id: number;
  name: string;
  role: Membership['role'];
  status: MembershipStatus;
}
export default membership;
