import type { Core } from '@strapi/strapi';
import { moderationOf, outboxOf, type ModeratedType } from '@buurtplein/plugin-kit';
import { conflict, forbidden, notFound } from '../../../lib/errors';
import { coded } from '../../../lib/error-codes';
import { sendLater } from '../../../mail';
import { visibilityFilter, ANSWER, QUESTION } from '../../../visibility/rules';
import type { Viewer } from '../../../visibility/viewer';
import type { MembershipService } from '../../group/services/membership';
import { ANSWERED_KIND, type AnsweredPayload } from '../lib/answered-mail';

export interface Person {
  id: number;
  name: string;
}
type Member = Extract<Viewer, { kind: 'member' }>;

export const QUESTION_TYPE = 'knowledge.question';
export const ANSWER_TYPE = 'knowledge.answer';

const preview = (text: (row: Record<string, unknown>) => string): ModeratedType['preview'] => (row) => ({ text: text(row), author: (row.authorName as string) ?? null, context: null });
export const questionModeration: ModeratedType = { uid: QUESTION, label: { nl: 'Vraag', en: 'Question' }, preview: preview((row) => [row.title, row.body].filter(Boolean).join('\n')) };
export const answerModeration: ModeratedType = { uid: ANSWER, label: { nl: 'Antwoord op een vraag', en: 'Answer to a question' }, preview: preview((row) => String(row.body ?? '')) };

/**
 * Asking, answering, accepting and reporting, for someone signed in. Every
 * step first finds the question as this person may see it: a question they
 * may not see does not exist for them (404).
 */
const asking = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The question as the viewer may see it, or a 404. */
  async function visibleQuestion(documentId: string, viewer: Member) {
    const question = await strapi.documents(QUESTION).findFirst({
      filters: { $and: [{ documentId }, visibilityFilter(QUESTION, viewer) ?? {}] },
      fields: ['id', 'documentId', 'title', 'locked', 'userId'],
    } as any);
    if (!question) throw notFound('No question with this documentId');
    return question as unknown as { id: number; documentId: string; title: string; locked: boolean; userId: number | null };
  }

  return {
    /** In public, or inside a group the asker is an active member of (a group they cannot see: 404; one they are not in: 403). */
    async ask(viewer: Member, author: Person, input: { title: string; body?: string; group?: string; categories?: string[] }) {
      if (input.group) await (strapi.service('api::group.membership') as unknown as MembershipService).assertMember(input.group, viewer.userId);
      const created = await strapi.documents(QUESTION).create({
        data: { title: input.title, body: input.body ?? null, group: input.group ?? null, categories: input.categories ?? [], userId: author.id, authorName: author.name, status: 'visible' },
      } as any);
      return { documentId: created.documentId, title: created.title };
    },

    /** An answer to a question the person may see and that is not locked; the asker hears of it once by mail. */
    async answer(viewer: Member, author: Person, questionId: string, body: string) {
      const question = await visibleQuestion(questionId, viewer);
      if (question.locked) throw conflict('This question is closed for answers', coded('question.locked'));
      const created = await strapi.documents(ANSWER).create({ data: { body, question: question.documentId, userId: author.id, authorName: author.name, status: 'visible' } } as any);
      if (question.userId && question.userId !== author.id) {
        const asker = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: question.userId }, select: ['email', 'language'] });
        if (asker?.email) {
          const payload: AnsweredPayload = { question: question.documentId, answer: created.documentId };
          sendLater(strapi, 'answer mail', () =>
            outboxOf(strapi, 'questions').send({ kind: ANSWERED_KIND, ref: created.documentId, to: asker.email, language: asker.language === 'en' ? 'en' : 'nl', payload })
          );
        }
      }
      return { documentId: created.documentId, body: created.body };
    },

    /** Only who asked marks one visible answer to their own question as accepted. */
    async accept(viewer: Member, questionId: string, answerId: string) {
      const question = await visibleQuestion(questionId, viewer);
      if (question.userId !== viewer.userId) throw forbidden('Only who asked can accept an answer');
      const answer = await strapi.documents(ANSWER).findFirst({
        filters: { $and: [{ documentId: answerId }, { question: { documentId: question.documentId } }, visibilityFilter(ANSWER, viewer) ?? {}] },
        fields: ['id'],
      } as any);
      if (!answer) throw notFound('No answer with this documentId on this question');
      await strapi.documents(QUESTION).update({ documentId: question.documentId, data: { acceptedAnswer: answerId } } as any);
      return { question: question.documentId, acceptedAnswer: answerId };
    },

    /** One's own questions, newest first, whatever moderation decided (one sees what became of them). */
    async mine(userId: number) {
      const rows: { documentId: string; title: string; answerCount: number; status: string; createdAt: string }[] = await strapi.db.query(QUESTION).findMany({
        where: { userId },
        select: ['documentId', 'title', 'answerCount', 'status', 'createdAt'],
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: 200,
      });
      return rows;
    },

    /** One report per person, through the one moderation flow (plugins/moderation). */
    async report(viewer: Member, type: typeof QUESTION_TYPE | typeof ANSWER_TYPE, documentId: string) {
      const uid = type === QUESTION_TYPE ? QUESTION : ANSWER;
      const item = await strapi.documents(uid).findFirst({ filters: { $and: [{ documentId }, visibilityFilter(uid, viewer) ?? {}] }, fields: ['id'] } as any);
      if (!item) throw notFound(`No ${uid === QUESTION ? 'question' : 'answer'} with this documentId`);
      return moderationOf(strapi, 'questions').report(type, item.id as number, viewer.userId);
    },
  };
};

export type Asking = ReturnType<typeof asking>;
export default asking;
