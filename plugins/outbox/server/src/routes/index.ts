const staff = { policies: ['admin::isAuthenticatedAdmin'] };
const UNSUBSCRIBE = '/unsubscribe';

export default {
  // The unsubscribe link from a mail: no login, no JavaScript.
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: UNSUBSCRIBE, handler: 'unsubscribe.ask', config: { auth: false } },
      { method: 'POST', path: UNSUBSCRIBE, handler: 'unsubscribe.unsubscribe', config: { auth: false } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/overview', handler: 'admin.overview', config: staff },
      { method: 'POST', path: '/messages/:id/retry', handler: 'admin.retry', config: staff },
    ],
  },
};
