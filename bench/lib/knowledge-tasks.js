'use strict';
// Runs inside the Strapi children of bench/knowledge.js (see bench/lib/strapi-child.js):
// seeds the knowledge base by SQL on Strapi's own tables (the Document Service would take
// most of an hour for 20,000 articles and 50,000 answers), mints members' access tokens
// and serves HTTP.
const supportsTasks = require('./supports-tasks');
const { prng } = require('./common');

const GROUP = 'api::group.group';
const CATEGORY = 'api::category.category';
const ARTICLE = 'api::article.article';
const QUESTION = 'api::question.question';
const ANSWER = 'api::answer.answer';
const PREFIX = 'bench-kennis';
const CATEGORIES = 12;
const MEMBER_GROUPS = 5; // each bench member is in 5 groups, one of them secret
const WORDS = ['subsidie', 'zonnepanelen', 'vrijwilligersbeleid', 'bestuur', 'huisregels', 'privacy', 'fondsen', 'buurthuis', 'energie', 'verzekering'];

module.exports = ({ strapi }) => {
  const knex = strapi.db.connection;
  const schema = strapi.db.getSchemaName();
  const t = (name) => `${schema}.${name}`;
  const { setup: users, tokens, listen, usage } = supportsTasks({ strapi });
  const tableOf = (uid) => strapi.db.metadata.get(uid).tableName;
  const link = (uid, attribute) => strapi.db.metadata.get(uid).attributes[attribute].joinTable;

  // Strapi's shape (24 lower-case letters and digits), with a prefix per type to find the bench's rows by.
  const ID_PREFIX = { [ARTICLE]: 'bkart', [QUESTION]: 'bkvra', [ANSWER]: 'bkant' };
  const documentId = (uid, i) => `${ID_PREFIX[uid]}${String(i).padStart(24 - ID_PREFIX[uid].length, '0')}`;
  const benchRows = (uid) => knex(t(tableOf(uid))).where('document_id', 'like', `${ID_PREFIX[uid]}%`);

  /** Inserts rows 1,000 at a time; returns their ids in order. */
  async function insert(table, rows, log) {
    const ids = [];
    for (let i = 0; i < rows.length; i += 1000) {
      ids.push(...(await knex(t(table)).insert(rows.slice(i, i + 1000)).returning('id')).map((r) => r.id));
      if (log && (i / 1000) % 10 === 9) log(`  ${table}: ${i + 1000} of ${rows.length}`);
    }
    return ids;
  }

  /** Rows of a many-to-one or many-to-many link table: `pairs` of [owner id, target id, order]. */
  const linkRows = (joinTable, pairs) =>
    pairs.map(([owner, target, order]) => ({
      [joinTable.joinColumn.name]: owner,
      [joinTable.inverseJoinColumn.name]: target,
      ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: order } : {}),
    }));

  async function seeded(sizes) {
    const count = async (uid) => Number((await benchRows(uid).countDistinct({ n: 'document_id' }).first()).n);
    return (await count(ARTICLE)) === sizes.articles && (await count(QUESTION)) === sizes.questions && (await count(ANSWER)) === sizes.answers;
  }

  async function clear() {
    for (const uid of [ANSWER, QUESTION, ARTICLE]) await benchRows(uid).delete(); // their link rows go with them (ON DELETE CASCADE)
    await knex(t('group_memberships')).delete();
    await knex(t(tableOf(GROUP))).where('slug', 'like', `${PREFIX}-%`).delete();
    await knex(t(tableOf(CATEGORY))).where('slug', 'like', `${PREFIX}-%`).delete();
  }

  return {
    tokens,
    listen,
    usage,

    /**
     * The data (kept between runs with the same sizes): 12 categories and `groups` groups
     * (Document Service); `articles` articles, a quarter of them for their group's members
     * only and about one in six more for members or hidden, each as a draft and a
     * published row in Dutch with one or two categories; `questions` questions (one in five
     * inside a group) with `answers` answers between them; `members` residents, each an
     * active member of 5 groups. Returns the category slugs and the members' user ids.
     */
    async setup({ groups, articles, questions, answers, members }) {
      const say = (line) => process.send({ log: line });
      const sizes = { articles, questions, answers };
      if (!(await seeded(sizes))) {
        say('seeding the knowledge base (SQL; a minute or two)');
        await clear();
        const random = prng(18);
        const pick = (list) => list[Math.floor(random() * list.length)];
        const categoryDocs = [];
        for (let i = 1; i <= CATEGORIES; i++) {
          categoryDocs.push(await strapi.documents(CATEGORY).create({ data: { name: `Kennis ${i}`, slug: `${PREFIX}-${i}` }, locale: 'nl', status: 'published' }));
        }
        const groupDocs = [];
        for (let i = 1; i <= groups; i++) {
          // One in ten secret, three in ten closed, the rest open.
          const visibility = i % 10 === 0 ? 'secret' : i % 10 <= 3 ? 'closed' : 'open';
          groupDocs.push(await strapi.documents(GROUP).create({ data: { name: `Werkgroep ${i}`, slug: `${PREFIX}-groep-${i}`, description: `Werkgroep ${i} over ${pick(WORDS)}`, visibility, category: categoryDocs[i % CATEGORIES].documentId } }));
        }
        const groupRows = await knex(t(tableOf(GROUP))).whereIn('document_id', groupDocs.map((g) => g.documentId)).select('id', 'document_id');
        const groupId = new Map(groupRows.map((r) => [r.document_id, r.id]));
        const categoryRows = await knex(t(tableOf(CATEGORY))).whereIn('document_id', categoryDocs.map((c) => c.documentId)).select('id', 'document_id', 'published_at');
        const categoryId = (doc, published) => categoryRows.find((r) => r.document_id === doc.documentId && (r.published_at !== null) === published).id;

        say(`  ${articles} articles`);
        const now = new Date();
        const plan = Array.from({ length: articles }, (_, k) => {
          const i = k + 1;
          const roll = random();
          // A quarter group-only; of the rest some for members, some hidden, a fifth of the public ones inside a group.
          const visibility = i % 4 === 0 ? 'group' : roll < 0.15 ? 'members' : roll < 0.2 ? 'hidden' : 'public';
          const group = visibility === 'group' || random() < 0.2 ? pick(groupDocs) : null;
          const cats = random() < 0.3 ? [pick(categoryDocs), pick(categoryDocs)].filter((c, n, all) => all.indexOf(c) === n) : [pick(categoryDocs)];
          const word = pick(WORDS);
          const row = {
            document_id: documentId(ARTICLE, i),
            title: `${word[0].toUpperCase()}${word.slice(1)}: wat je moet weten (${i})`,
            slug: `${PREFIX}-artikel-${i}`,
            summary: `Een korte uitleg over ${word} voor bewonersinitiatieven.`,
            body: `## ${word}\n\nWat wij leerden over ${word}. `.repeat(8),
            kind: i % 5 === 0 ? 'guide' : 'article',
            last_reviewed_at: i % 5 === 0 ? '2026-06-01' : null,
            visibility,
            tags: JSON.stringify([word]),
            created_at: now,
            updated_at: now,
            locale: 'nl',
          };
          return { row, group, cats };
        });
        for (const published of [false, true]) {
          const ids = await insert(tableOf(ARTICLE), plan.map(({ row }) => ({ ...row, published_at: published ? now : null })), say);
          const groupLink = link(ARTICLE, 'group');
          await insert(groupLink.name, linkRows(groupLink, plan.flatMap(({ group }, n) => (group ? [[ids[n], groupId.get(group.documentId), 1]] : []))));
          const categoryLink = link(ARTICLE, 'categories');
          await insert(categoryLink.name, linkRows(categoryLink, plan.flatMap(({ cats }, n) => cats.map((c, order) => [ids[n], categoryId(c, published), order + 1]))));
        }

        say(`  ${questions} questions, ${answers} answers`);
        const questionIds = await insert(
          tableOf(QUESTION),
          Array.from({ length: questions }, (_, k) => ({
            document_id: documentId(QUESTION, k + 1),
            title: `Hoe regelen jullie ${pick(WORDS)}? (${k + 1})`,
            body: 'Wij lopen hier tegenaan en horen graag hoe anderen het doen.',
            author_name: `Bewoner ${k + 1}`,
            locked: false,
            answer_count: 0,
            status: 'visible',
            report_count: 0,
            created_at: now,
            updated_at: now,
            published_at: now,
          }))
        );
        const questionGroup = link(QUESTION, 'group');
        await insert(questionGroup.name, linkRows(questionGroup, questionIds.flatMap((id, n) => (n % 5 === 0 ? [[id, groupId.get(pick(groupDocs).documentId), 1]] : []))));
        const answerIds = await insert(
          tableOf(ANSWER),
          Array.from({ length: answers }, (_, k) => ({
            document_id: documentId(ANSWER, k + 1),
            body: `Bij ons werkt het zo: ${pick(WORDS)} regelen we samen met de gemeente.`,
            author_name: `Buur ${k + 1}`,
            official: false,
            status: 'visible',
            report_count: 0,
            created_at: now,
            updated_at: now,
            published_at: now,
          })),
          say
        );
        const answerQuestion = link(ANSWER, 'question');
        await insert(answerQuestion.name, linkRows(answerQuestion, answerIds.map((id, n) => [id, questionIds[n % questionIds.length], 1])));
        await knex(t(tableOf(QUESTION))).whereIn('id', questionIds).update({ answer_count: knex.raw('(SELECT count(*) FROM ?? l WHERE l.?? = ??.id)', [t(answerQuestion.name), answerQuestion.inverseJoinColumn.name, t(tableOf(QUESTION))]) });
      }

      const { userIds } = await users({ users: members, initiatives: 0 });
      // Memberships: each bench member in MEMBER_GROUPS groups, the last a secret one; and 20 others per group.
      const groupRows = await knex(t(tableOf(GROUP))).where('slug', 'like', `${PREFIX}-%`).orderBy('id').select('document_id', 'visibility');
      const secret = groupRows.filter((g) => g.visibility === 'secret');
      const other = groupRows.filter((g) => g.visibility !== 'secret');
      await knex(t('group_memberships')).delete();
      const memberships = userIds.flatMap((userId, n) => [
        ...Array.from({ length: MEMBER_GROUPS - 1 }, (_, k) => other[(n * 7 + k * 13) % other.length].document_id),
        secret[n % secret.length].document_id,
      ].map((group) => ({ group, user_id: userId, role: 'member', status: 'active' })));
      const strangers = groupRows.flatMap((g, n) => Array.from({ length: 20 }, (_, k) => ({ group: g.document_id, user_id: 1_000_000 + n * 20 + k, role: 'member', status: 'active' })));
      await insert('group_memberships', [...memberships, ...strangers]);
      await knex(t(tableOf(GROUP))).where('slug', 'like', `${PREFIX}-%`).update({ member_count: knex.raw('(SELECT count(*) FROM ?? m WHERE m."group" = ??.document_id)', [t('group_memberships'), t(tableOf(GROUP))]) });
      const categories = (await knex(t(tableOf(CATEGORY))).where('slug', 'like', `${PREFIX}-%`).whereNotNull('published_at').orderBy('id').select('slug')).map((r) => r.slug);
      return { categories, userIds };
    },
  };
};
