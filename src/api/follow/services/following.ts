import type { Core } from '@strapi/strapi';
import { claimRow, outboxOf, publicRule } from '@buurtplein/plugin-kit';
import { errors } from '@strapi/utils';
import { notFound } from '../../../lib/errors';
import { coded } from '../../../lib/error-codes';
import { DAY, settings } from '../../../lib/settings';
import { followLinks, type FollowerKey } from '../lib/links';
import { GROUP } from '../../../visibility/rules';
import { ANONYMOUS, visibleDocuments } from '../lib/visible-documents';
import { CONFIRM_KIND, type ConfirmPayload } from '../lib/confirm-mail';
import { sendLater } from '../../../mail';
import { groupsOf, type Viewer } from '../../../visibility/viewer';

export const FOLLOW = 'api::follow.follow';
export const FOLLOW_TYPES = ['initiative', 'organisation', 'neighbourhood', 'category', 'group'] as const;
export const FREQUENCIES = ['immediate', 'daily', 'weekly'] as const;
export type FollowType = (typeof FOLLOW_TYPES)[number];
export type Frequency = (typeof FREQUENCIES)[number];

/** What can be followed, and the field that names it. */
const TARGETS: Record<FollowType, { uid: string; title: string }> = {
  initiative: { uid: 'api::initiative.initiative', title: 'title' },
  organisation: { uid: 'api::organisation.organisation', title: 'name' },
  neighbourhood: { uid: 'api::neighbourhood.neighbourhood', title: 'name' },
  category: { uid: 'api::category.category', title: 'name' },
  group: { uid: GROUP, title: 'name' },
};

interface FollowRow {
  id: number;
  type: FollowType;
  target: string;
  frequency: Frequency;
  createdAt: string;
}
export interface Follow {
  id: number;
  type: FollowType;
  documentId: string;
  frequency: Frequency;
  /** null once the item is no longer public (archived, unpublished, deleted): the follow stays until its owner ends it. */
  title: string | null;
  createdAt: string;
}

/**
 * Following for a signed-in person. Only what they may see can be followed:
 * published and not archived, and a group only where it exists for them (a
 * secret one for its members); anything else is not found (404).
 */
const following = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(FOLLOW as any);

  /** The titles of the items of one type the viewer may see, by documentId. */
  async function visibleTitles(type: FollowType, documentIds: string[], viewer: Viewer): Promise<Map<string, string>> {
    const { uid, title } = TARGETS[type];
    const found = await visibleDocuments(strapi, uid, documentIds, viewer, { fields: ['documentId', title] });
    return new Map(found.map((item) => [item.documentId as string, item[title] as string]));
  }

  /** The names of these follows' items the viewer may see, by `type:documentId`. */
  async function titlesOf(follows: FollowRow[], viewer: Viewer): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (const type of FOLLOW_TYPES) {
      const ids = follows.filter((row) => row.type === type).map((row) => row.target);
      if (ids.length) for (const [documentId, title] of await visibleTitles(type, ids, viewer)) titles.set(`${type}:${documentId}`, title);
    }
    return titles;
  }

  /** The item's public name, or a 404 when the viewer may not see it. */
  async function titleOf(type: FollowType, documentId: string, viewer: Viewer) {
    const title = (await visibleTitles(type, [documentId], viewer)).get(documentId);
    if (title === undefined) throw notFound(`No ${type} with this documentId`);
    return title;
  }

  /** The rows of one follower: an account's, or an address's (never an account's follows by the account's address). */
  const whereFollower = (follower: FollowerKey) => (follower.startsWith('u:') ? { userId: Number(follower.slice(2)) } : { email: follower.slice(2), userId: null });

  const linkScope = (follower: FollowerKey, issuedAt: number) => ({ ...whereFollower(follower), createdAt: { $lte: new Date(issuedAt) } });

  /** What a follow mail's manage link stands for; `link.invalid` for anything else. */
  function readManageLink(token: unknown) {
    const read = followLinks(settings(strapi).mailLinkSecret).readManage(token);
    if (!read) throw new errors.ValidationError('This link is not valid', coded('link.invalid'));
    return read;
  }

  const present = (row: FollowRow, title: string | null): Follow => ({ id: row.id, type: row.type, documentId: row.target, frequency: row.frequency, title, createdAt: row.createdAt });

  /** The follows that match, newest first, each with the name it has now for `viewer`. */
  async function listed(where: Record<string, unknown>, viewer: Viewer): Promise<Follow[]> {
    const found: FollowRow[] = await rows().findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    const titles = await titlesOf(found, viewer);
    return found.map((row) => present(row, titles.get(`${row.type}:${row.target}`) ?? null));
  }

  const service = {
    /** Follows the item (201), or changes how often they hear of it when they follow it already (200). */
    async follow(viewer: Extract<Viewer, { kind: 'member' }>, input: { type: FollowType; documentId: string; frequency: Frequency }, language: 'nl' | 'en') {
      const title = await titleOf(input.type, input.documentId, viewer);
      const key = { type: input.type, target: input.documentId, userId: viewer.userId };
      const id = await claimRow(strapi, FOLLOW, { ...key, frequency: input.frequency, language, confirmedAt: new Date() }, ['type', 'target', 'userId']);
      if (id === null) await rows().update({ where: key, data: { frequency: input.frequency } });
      const row: FollowRow = await rows().findOne({ where: key });
      return { created: id !== null, follow: present(row, title) };
    },

    /** Everything the person follows, newest first, each with the name it has now. */
    mine: (viewer: Extract<Viewer, { kind: 'member' }>): Promise<Follow[]> => listed({ userId: viewer.userId }, viewer),

    /**
     * A follow by an address alone waits for its owner's confirmation; true
     * when a confirmation mail is due. One already confirmed is left as it is
     * (the answer is the same, so it tells nothing about the address).
     */
    async followByEmail(input: { email: string; type: FollowType; documentId: string; frequency: Frequency; language: 'nl' | 'en' }): Promise<boolean> {
      await titleOf(input.type, input.documentId, ANONYMOUS);
      const key = { type: input.type, target: input.documentId, email: input.email };
      const settingsOf = { frequency: input.frequency, language: input.language };
      if ((await claimRow(strapi, FOLLOW, { ...key, ...settingsOf, confirmedAt: null }, ['type', 'target', 'email'])) !== null) return true;
      const waiting = await rows().update({ where: { ...key, confirmedAt: null }, data: settingsOf });
      return Boolean(waiting);
    },

    /**
     * A follow asked for by an address (the REST API, the embedded form):
     * stored as waiting, and the day's one confirmation mail sent after the
     * answer, so the answer is the same, and as fast, whatever the address.
     */
    async askByEmail(input: { email: string; type: FollowType; documentId: string; frequency: Frequency; language: 'nl' | 'en' }) {
      if (!(await service.followByEmail(input))) return;
      const payload: ConfirmPayload = { email: input.email };
      const today = new Date().toISOString().slice(0, 10);
      sendLater(strapi, 'follow confirmation', () => outboxOf(strapi, 'follows').send({ kind: CONFIRM_KIND, ref: input.email, round: today, to: input.email, language: input.language, payload }));
    },

    /** A neighbourhood the public may see, by its slug (the embedded form names it so). */
    async publicNeighbourhood(slug: string): Promise<{ documentId: string; name: string } | null> {
      const uid = TARGETS.neighbourhood.uid;
      const found = await strapi.documents(uid as any).findFirst({ filters: { slug, ...(publicRule(strapi, uid).documentFilters ?? {}) }, status: 'published', fields: ['documentId', 'name'] } as any);
      return (found as { documentId: string; name: string } | null) ?? null;
    },

    /** The public names of what waits for confirmation at an address (for the confirmation mail). */
    async pendingTitles(email: string): Promise<string[]> {
      const pending: FollowRow[] = await rows().findMany({ where: { email, confirmedAt: null }, orderBy: { id: 'asc' } });
      return [...(await titlesOf(pending, ANONYMOUS)).values()];
    },

    /**
     * The link in the confirmation mail: every follow waiting at that address
     * starts, if it was asked for before the mail or on the day after (when no
     * second mail comes). A follow asked for later needs its own mail: an old
     * link never confirms what someone else asked for since. A second click
     * finds nothing left: `link.used`.
     */
    async confirm(token: unknown) {
      const read = followLinks(settings(strapi).mailLinkSecret).readConfirm(token);
      if (read === null) throw new errors.ValidationError('This confirmation link is not valid', coded('link.invalid'));
      if (read === 'expired') throw new errors.ValidationError('This confirmation link has expired: follow again for a new one', coded('link.expired'));
      const where = { email: read.email, confirmedAt: null, createdAt: { $lte: new Date(read.issuedAt + DAY) } };
      const { count } = await rows().updateMany({ where, data: { confirmedAt: new Date() } });
      if (!count) throw new errors.ValidationError('This confirmation link was used already', coded('link.used'));
      // The owner read this mail: the address works, whatever bounced before.
      await outboxOf(strapi, 'following').forgetBounce(read.email);
      return { confirmed: count as number };
    },

    /** How many follow an item the public may see: accounts and confirmed addresses, never who. */
    async count(type: FollowType, documentId: string) {
      await titleOf(type, documentId, ANONYMOUS);
      const followers: number = await rows().count({ where: { type, target: documentId, confirmedAt: { $notNull: true } } });
      return { type, documentId, followers };
    },

    /**
     * The follows of whoever got the mail with this link (no login: the link
     * came to their mailbox), newest first: those that existed when the mail
     * was made. An old mail never shows or ends a follow begun since.
     */
    async byLink(token: unknown): Promise<Follow[]> {
      const { follower, issuedAt } = readManageLink(token);
      const viewer: Viewer = follower.startsWith('u:') ? { kind: 'member', userId: Number(follower.slice(2)), groups: await groupsOf(strapi, Number(follower.slice(2))) } : ANONYMOUS;
      return listed(linkScope(follower, issuedAt), viewer);
    },

    /** A mail's stop link: one of its follows (`id`), or all of them (RFC 8058's one click). When nothing is left to end: `link.used`. */
    async stopByLink(token: unknown, id?: number) {
      const { follower, issuedAt } = readManageLink(token);
      const where = { ...linkScope(follower, issuedAt), ...(id === undefined ? {} : { id }) };
      const { count } = await rows().deleteMany({ where });
      if (!count && id !== undefined) throw notFound('No follow of yours with this id');
      if (!count) throw new errors.ValidationError('Everything this link could stop has stopped already', coded('link.used'));
      return { ended: count as number };
    },

    /** Ends one of the person's own follows; someone else's is not found. */
    async unfollow(userId: number, id: number) {
      const deleted = await rows().deleteMany({ where: { id, userId } });
      if (!deleted.count) throw notFound('No follow of yours with this id');
      return { id, following: false };
    },
  };
  return service;
};

export type Following = ReturnType<typeof following>;
export default following;
