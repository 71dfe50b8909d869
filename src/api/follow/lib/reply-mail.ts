import type { Core } from '@strapi/strapi';
import { MILESTONES, onMilestone, outboxOf, type MailKind } from '@buurtplein/plugin-kit';
import { itemUrl } from '../../../discovery/links';
import { languageOf, sendLater } from '../../../mail';
import { officialReplyMail } from '../../../mail/follow-templates';
import { settings } from '../../../lib/settings';
import { initiatorsOf, publicOfficialReplies } from './news-entries';
import { ANONYMOUS, visibleDocuments } from './visible-documents';

export const REPLY_KIND = 'initiative.official-reply';
const INITIATIVE = 'api::initiative.initiative';
const USER = 'plugin::users-permissions.user';

interface ReplyPayload {
  initiative: string;
  reply: number;
}

/**
 * The initiator hears of an official reply on their initiative at once, in
 * a mail of its own (once per reply, through the outbox), whether or not
 * they follow it; followers hear of it as news. Service mail: it is about
 * their own initiative, so it has no unsubscribe.
 */
export function registerReplyMail(strapi: Core.Strapi) {
  const outbox = () => outboxOf(strapi, 'following');
  const kind: MailKind<ReplyPayload> = {
    label: { nl: 'Officiële reactie aan initiatiefnemer', en: 'Official reply to the initiator' },
    async compose({ initiative, reply }, to) {
      const [item] = await visibleDocuments(strapi, INITIATIVE, [initiative], ANONYMOUS, { fields: ['title', 'slug', 'locale'] });
      const comment = (await publicOfficialReplies(strapi, [reply])).get(reply);
      if (!item || !comment) throw new Error(`initiative ${initiative} or its reply ${reply} is no longer public`);
      const link = itemUrl(strapi, item.locale, 'initiatives', item.slug);
      return officialReplyMail(to.language, settings(strapi).formOfAddress, { title: item.title, author: comment.authorName, reply: comment.body, link });
    },
  };
  outbox().registerKind(REPLY_KIND, kind);

  onMilestone(strapi, MILESTONES.officialReply, async ({ documentId, detail }) => {
    const initiator = (await initiatorsOf(strapi, [documentId])).get(documentId);
    if (!initiator || !detail) return;
    const user = await strapi.db.query(USER as any).findOne({ where: { id: initiator }, select: ['email', 'confirmed', 'blocked', 'language'] });
    if (!user?.confirmed || user.blocked) return;
    sendLater(strapi, 'official reply to the initiator', () =>
      outbox().send<ReplyPayload>({ kind: REPLY_KIND, ref: detail, round: 'initiator', to: user.email, language: languageOf(user.language), payload: { initiative: documentId, reply: Number(detail) } })
    );
  });
}
