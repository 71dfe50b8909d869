const SUPPORT = '/initiatives/:documentId/support';
const COMMENTS = '/initiatives/:documentId/comments';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: SUPPORT, handler: 'support.status' },
    { method: 'POST', path: SUPPORT, handler: 'support.support' },
    { method: 'DELETE', path: SUPPORT, handler: 'support.withdraw' },
    { method: 'GET', path: '/ranking', handler: 'support.ranking' },
    { method: 'GET', path: COMMENTS, handler: 'comments.list' },
    { method: 'POST', path: COMMENTS, handler: 'comments.create' },
    { method: 'POST', path: '/comments/:id/report', handler: 'comments.report' },
  ],
};
