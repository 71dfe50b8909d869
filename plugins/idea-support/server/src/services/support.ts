import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { announceChange, announceMilestone, CONTENT_EVENTS, MILESTONES, outboxOf, publicRule, type MailKind } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import { createSupportsRepository } from '../repositories/supports';
import { thresholdReachedMail } from '../templates/threshold-reached';
import { pluginConfig } from '../utils/plugin-config';

export interface SupportStatus {
  supportCount: number;
  supported: boolean;
}

export const PERIODS = { '7d': 7, '30d': 30, all: null } as const;
export type Period = keyof typeof PERIODS;

const DAY = 24 * 3600 * 1000;

/** The staff mail when an initiative reaches the threshold, as the outbox sends it (also on a retry staff ask for). */
export const THRESHOLD_KIND = 'idea-support.threshold';
type ThresholdPayload = Parameters<typeof thresholdReachedMail>[0];
export const thresholdKind: MailKind<ThresholdPayload> = {
  label: { nl: 'Initiatief: drempel bereikt', en: 'Initiative: threshold reached' },
  compose: async (payload) => thresholdReachedMail(payload),
};

/** Who may support what, and what happens when they do. SQL lives in the repository. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const repository = () => createSupportsRepository(strapi, config().initiativeUid);

  /**
   * The published, non-archived initiative in the default locale (as the Document Service would pick it), or a
   * 404 that says nothing about drafts. One Query Engine read: the Document Service would wrap it in a transaction.
   */
  async function publicInitiative(documentId: string) {
    const uid = config().initiativeUid;
    const localized = Boolean((strapi.getModel(uid as any) as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized);
    const locale = localized ? { locale: await strapi.plugin('i18n').service('locales').getDefaultLocale() } : {};
    const initiative = await strapi.db.query(uid as any).findOne({
      select: ['title', 'supportCount', 'supportUntil'],
      where: { documentId, ...publicRule(strapi, uid).where, ...locale },
    });
    if (!initiative) throw new errors.NotFoundError('No public initiative with this documentId');
    return initiative as unknown as { title: string; supportCount: number | null; supportUntil: string | null };
  }

  function assertOpen(initiative: { supportUntil: string | null }) {
    if (initiative.supportUntil && new Date(initiative.supportUntil).getTime() <= Date.now()) {
      throw new errors.ApplicationError(`Supporting this initiative closed on ${initiative.supportUntil}`, { reason: 'closed', supportUntil: initiative.supportUntil });
    }
  }

  /** After the response (a supporter does not wait for SMTP); once per initiative and staff address, through the outbox. */
  function tellStaff(documentId: string, title: string, supports: number) {
    const { notifyEmails, threshold } = config();
    if (!notifyEmails.length) return;
    const outbox = outboxOf(strapi, PLUGIN_ID);
    setImmediate(() => {
      Promise.all(
        notifyEmails.map((to) => outbox.send<ThresholdPayload>({ kind: THRESHOLD_KIND, ref: documentId, round: to.toLowerCase(), to, payload: { title, supports, threshold } }))
      ).catch((error: Error) => strapi.log.error(`[idea-support] threshold mail failed: ${error.message}`));
    });
  }

  /** The counter moves by plain SQL: tell the app's caches, which no lifecycle would. */
  const countChanged = (documentId: string) => announceChange(strapi, PLUGIN_ID, CONTENT_EVENTS.countChanged, { uid: config().initiativeUid, documentIds: [documentId] });

  return {
    async getStatus(documentId: string, userId?: number): Promise<SupportStatus> {
      const initiative = await publicInitiative(documentId);
      const supported = userId ? await repository().hasSupported(documentId, userId) : false;
      return { supportCount: initiative.supportCount ?? 0, supported };
    },

    async support(documentId: string, userId: number): Promise<SupportStatus> {
      const initiative = await publicInitiative(documentId);
      assertOpen(initiative);
      const result = await repository().add(documentId, userId, config().threshold);
      await countChanged(documentId);
      if (result.thresholdReached) {
        tellStaff(documentId, initiative.title, result.supportCount);
        await announceMilestone(strapi, PLUGIN_ID, MILESTONES.thresholdReached, { uid: config().initiativeUid, documentId });
      }
      return { supportCount: result.supportCount, supported: true };
    },

    async withdraw(documentId: string, userId: number): Promise<SupportStatus> {
      assertOpen(await publicInitiative(documentId));
      const result = await repository().remove(documentId, userId);
      await countChanged(documentId);
      return { supportCount: result.supportCount, supported: false };
    },

    async ranking(period: Period, limit: number, locale: string) {
      const days = PERIODS[period];
      const since = days === null ? null : new Date(Date.now() - days * DAY);
      const ranked = await repository().ranking(since, limit, locale);
      const initiatives = await strapi.documents(config().initiativeUid as any).findMany({
        filters: { documentId: { $in: ranked.map((r) => r.documentId) } },
        status: 'published',
        locale,
        fields: ['title', 'slug', 'summary', 'stage', 'supportCount', 'thresholdReachedAt'],
      } as any);
      const byId = new Map((initiatives as any[]).map((i) => [i.documentId, i]));
      return ranked
        .filter((r) => byId.has(r.documentId))
        .map((r) => ({ ...byId.get(r.documentId), supportsInPeriod: r.supports }));
    },

    recount: (documentId: string) => repository().recount(documentId),
    withdrawAllOf: (userId: number) => repository().removeAllOf(userId),

    /** Compares every stored count with the ledger; with `fix`, repairs what differs. */
    async verify({ fix = false }: { fix?: boolean } = {}) {
      const drift = await repository().findDrift();
      if (fix) for (const d of drift) await repository().recount(d.initiative);
      return { drift, fixed: fix ? drift.length : 0 };
    },
  };
};
