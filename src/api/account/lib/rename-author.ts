import type { Core } from '@strapi/strapi';

/** Where a person's display name is kept next to what they wrote, so public answers need no account lookup. */
const WRITTEN_BY_USER_ID = ['api::question.question', 'api::answer.answer'];

/** Everything a person wrote shows the name they use now: reactions, questions and answers. */
export async function renameAuthor(strapi: Core.Strapi, userId: number, authorName: string) {
  await strapi.plugin('idea-support').service('comments').renameAuthor(userId, authorName);
  for (const uid of WRITTEN_BY_USER_ID) await strapi.db.query(uid as any).updateMany({ where: { userId }, data: { authorName } });
}
