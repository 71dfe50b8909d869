import type { Core } from '@strapi/strapi';
import { outboxOf, PUBLIC_MODERATION_STATUSES, type MailKind } from '@buurtplein/plugin-kit';
import { frontendLink, inTownVoice } from '../../../mail';
import { questionAnsweredMail } from '../../../mail/knowledge-templates';
import { ANSWER, QUESTION } from '../../../visibility/rules';

export const ANSWERED_KIND = 'question.answered';

export interface AnsweredPayload {
  question: string;
  answer: string;
}

/**
 * The mail to who asked, once per answer (the outbox's identity is the
 * answer's documentId). Composed at send time from the rows as they are then:
 * an answer removed by moderation before the mail went is not sent.
 */
export function registerAnsweredMail(strapi: Core.Strapi) {
  const kind: MailKind<AnsweredPayload> = {
    label: { nl: 'Nieuw antwoord op een vraag', en: 'New answer to a question' },
    async compose({ question: questionId, answer: answerId }, to) {
      const question = await strapi.db.query(QUESTION).findOne({ where: { documentId: questionId }, select: ['title'] });
      const answer = await strapi.db.query(ANSWER).findOne({ where: { documentId: answerId, status: { $in: [...PUBLIC_MODERATION_STATUSES] } }, select: ['body', 'authorName'] });
      if (!question || !answer) throw new Error(`answer ${answerId} to ${questionId} is no longer shown`);
      const link = frontendLink(strapi, '/question.html', { id: questionId, lang: to.language });
      return inTownVoice(strapi, questionAnsweredMail(to.language, { question: question.title, answerer: answer.authorName || '—', answer: answer.body, link }));
    },
  };
  outboxOf(strapi, 'questions').registerKind(ANSWERED_KIND, kind);
}
