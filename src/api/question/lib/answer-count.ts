import type { Core } from '@strapi/strapi';
import { CONTENT_EVENTS, onContentChange, PUBLIC_MODERATION_STATUSES } from '@buurtplein/plugin-kit';
import { bumpAfterCommit } from '../../../cache';
import { ANY_CONTENT } from '../../../cache/scopes';
import { ANSWER, QUESTION } from '../../../visibility/rules';

type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };

/**
 * A question's answerCount: its answers the public may see, counted in the
 * same statement that stores the count. Run after every change to an answer;
 * the last statement to start sees every answer committed before it, so two
 * answers at once still end counted as two.
 */
export async function recountAnswers(strapi: Core.Strapi, where: { questions: string[] } | { answers: string[] }) {
  const knex = strapi.db.connection;
  const schema = strapi.db.getSchemaName();
  const qualified = (table: string) => (schema ? `${schema}.${table}` : table);
  const questions = strapi.db.metadata.get(QUESTION);
  const answers = strapi.db.metadata.get(ANSWER);
  const link = (answers.attributes.question as unknown as { joinTable: JoinTable }).joinTable;
  const column = (meta: typeof questions, attribute: string) => (meta.attributes[attribute] as unknown as { columnName: string }).columnName;

  const counted = knex
    .count('*')
    .from({ a: qualified(answers.tableName) })
    .join({ l: qualified(link.name) }, `l.${link.joinColumn.name}`, 'a.id')
    .where(`l.${link.inverseJoinColumn.name}`, knex.ref(`q.id`))
    .whereIn(`a.${column(answers, 'status')}`, [...PUBLIC_MODERATION_STATUSES]);
  const target = knex({ q: qualified(questions.tableName) });
  if ('questions' in where) target.whereIn(`q.${column(questions, 'documentId')}`, where.questions);
  else {
    target.whereIn(
      'q.id',
      knex
        .select(`l.${link.inverseJoinColumn.name}`)
        .from({ l: qualified(link.name) })
        .join({ a: qualified(answers.tableName) }, 'a.id', `l.${link.joinColumn.name}`)
        .whereIn(`a.${column(answers, 'documentId')}`, where.answers)
    );
  }
  // In the answer's own transaction where there is one: SQLite has a single connection to wait for.
  await strapi.db.transaction(({ trx }) => target.transacting(trx).update({ [column(questions, 'answerCount')]: counted }));
  // Plain SQL skips the lifecycles that keep the public cache fresh.
  await bumpAfterCommit(strapi, [ANY_CONTENT]);
}

/** Answers written in the admin panel, and hidden, approved or removed by moderation, change the count too. */
export function keepAnswerCounts(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ANSWER || !['create', 'update', 'delete'].includes(context.action)) return next();
    const before = context.action === 'create' ? [] : [(context.params as { documentId?: string }).documentId].filter((id): id is string => Boolean(id));
    // A deleted answer no longer leads to its question: find it first.
    const questions = before.length ? await questionsOf(strapi, before) : [];
    const result = await next();
    const written = (result as { documentId?: string } | null)?.documentId;
    const after = written ? await questionsOf(strapi, [written]) : [];
    const all = [...new Set([...questions, ...after])];
    if (all.length) await recountAnswers(strapi, { questions: all });
    return result;
  });
  onContentChange(strapi, [CONTENT_EVENTS.moderated], async ({ uid, documentIds }) => {
    if (uid === ANSWER) await recountAnswers(strapi, { answers: documentIds });
  });
}

async function questionsOf(strapi: Core.Strapi, answers: string[]): Promise<string[]> {
  const rows: { question?: { documentId: string } | null }[] = await strapi.db.query(ANSWER).findMany({ where: { documentId: { $in: answers } }, populate: { question: { select: ['documentId'] } } });
  return rows.map((row) => row.question?.documentId).filter((id): id is string => Boolean(id));
}
