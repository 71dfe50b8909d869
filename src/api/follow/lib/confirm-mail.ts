import type { Core } from '@strapi/strapi';
import { outboxOf, type MailKind } from '@buurtplein/plugin-kit';
import { frontendLink, inTownVoice } from '../../../mail';
import { followConfirmMail } from '../../../mail/knowledge-templates';
import { settings } from '../../../lib/settings';
import { followLinks } from './links';

/** What this mail needs of the following service (named here, not imported: the service sends this mail). */
interface PendingFollows {
  pendingTitles(email: string): Promise<string[]>;
}

export const CONFIRM_KIND = 'follow.confirm';

export interface ConfirmPayload {
  email: string;
}

/**
 * The one mail to an address that was given to follow something: one per
 * address per day (the outbox's identity is the address and the date), so
 * nobody can make buurtplein mail a stranger more often than that. Composed
 * at send time, with every follow then waiting for this address.
 */
export function registerConfirmMail(strapi: Core.Strapi) {
  const kind: MailKind<ConfirmPayload> = {
    label: { nl: 'Bevestiging van volgen', en: 'Confirmation of a follow' },
    async compose({ email }, to) {
      const following = strapi.service('api::follow.following') as unknown as PendingFollows;
      const items = await following.pendingTitles(email);
      if (!items.length) throw new Error('nothing waits for confirmation at this address');
      const token = followLinks(settings(strapi).mailLinkSecret).confirmToken(email);
      const link = frontendLink(strapi, '/follow.html', { confirm: token, lang: to.language });
      return inTownVoice(strapi, followConfirmMail(to.language, { items, link }));
    },
  };
  outboxOf(strapi, 'follows').registerKind(CONFIRM_KIND, kind);
}
