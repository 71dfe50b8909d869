const SUPPORT = '/initiatives/:documentId/support';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: SUPPORT, handler: 'support.status' },
    { method: 'POST', path: SUPPORT, handler: 'support.support' },
    { method: 'DELETE', path: SUPPORT, handler: 'support.withdraw' },
    { method: 'GET', path: '/ranking', handler: 'support.ranking' },
  ],
};
