import type { Core } from '@strapi/strapi';
import { createSendLogRepository } from '../repositories/send-log';
import { readConfirmToken } from '../utils/confirm-token';
import { periodLinkExpires } from '../utils/periods';
import { pluginConfig } from '../utils/plugin-config';
import type { ConfirmOutcome } from '../templates/confirm-page';
import type { Language } from '../templates/defaults';

/**
 * Following the confirm link: the organisation and its activities count as
 * checked now. The first click confirms; a second click, an old link or a
 * forged one each get their own clear answer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async confirm(token: unknown, now = new Date()): Promise<{ outcome: ConfirmOutcome; language: Language; name: string }> {
    const config = pluginConfig(strapi);
    const read = readConfirmToken(config.secret, token);
    if (!read) return { outcome: 'invalid', language: 'nl', name: '' };
    const org = await strapi.db.query(config.organisationUid as any).findOne({
      where: { documentId: read.organisation, locale: config.defaultLocale },
      select: ['name', 'preferredLanguage'],
    });
    if (!org) return { outcome: 'invalid', language: 'nl', name: '' };
    const language: Language = org.preferredLanguage === 'en' ? 'en' : 'nl';
    if (now >= periodLinkExpires(read.period)) return { outcome: 'expired', language, name: org.name };

    const result = await createSendLogRepository(strapi).confirm(read.organisation, read.period);
    if (result === 'unknown') return { outcome: 'invalid', language, name: org.name };
    if (result === 'already') return { outcome: 'already', language, name: org.name };
    await strapi.db.query(config.organisationUid as any).updateMany({ where: { documentId: read.organisation }, data: { lastConfirmedAt: now } });
    // updateMany cannot filter through a relation: look the activities up first.
    const activities = await strapi.db.query(config.activityUid as any).findMany({ where: { organisation: { documentId: read.organisation } }, select: ['id'] });
    if (activities.length) {
      await strapi.db.query(config.activityUid as any).updateMany({ where: { id: { $in: activities.map((a: { id: number }) => a.id) } }, data: { lastConfirmedAt: now } });
    }
    return { outcome: 'confirmed', language, name: org.name };
  },
});
