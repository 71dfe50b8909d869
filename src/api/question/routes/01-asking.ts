// Per IP and per account: one person cannot flood the questions from many addresses.
const limited = (scope: string) => ({ middlewares: [{ name: 'global::rate-limit', config: { scope, perUser: true } }] });

/** Writing questions and answers takes a confirmed account (src/bootstrap/permissions.ts). */
export default {
  routes: [
    { method: 'GET', path: '/my/questions', handler: 'asking.mine', config: {} },
    { method: 'POST', path: '/questions', handler: 'asking.ask', config: limited('question') },
    { method: 'POST', path: '/questions/:documentId/answers', handler: 'asking.answer', config: limited('answer') },
    { method: 'POST', path: '/questions/:documentId/accept', handler: 'asking.accept', config: {} },
    { method: 'POST', path: '/questions/:documentId/report', handler: 'asking.reportQuestion', config: limited('report') },
    { method: 'POST', path: '/answers/:documentId/report', handler: 'asking.reportAnswer', config: limited('report') },
  ],
};
