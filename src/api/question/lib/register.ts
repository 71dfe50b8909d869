import type { Core } from '@strapi/strapi';
import { moderationOf } from '@buurtplein/plugin-kit';
import { ANSWER_TYPE, answerModeration, QUESTION_TYPE, questionModeration } from '../services/asking';
import { registerAnsweredMail } from './answered-mail';
import { keepAnswerCounts } from './answer-count';

/** Questions and answers join the one moderation queue (plugins/moderation) and the outbox; answer counts follow every change. */
export function registerQuestions(strapi: Core.Strapi) {
  const moderation = moderationOf(strapi, 'questions');
  moderation.registerType(QUESTION_TYPE, questionModeration);
  moderation.registerType(ANSWER_TYPE, answerModeration);
  registerAnsweredMail(strapi);
  keepAnswerCounts(strapi);
}
