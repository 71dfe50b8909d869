const staff = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  // The confirm link from the mail: no login, no JavaScript.
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/confirm', handler: 'confirm.confirm', config: { auth: false } }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/overview', handler: 'admin.overview', config: staff },
      { method: 'POST', path: '/runs', handler: 'admin.run', config: staff },
      { method: 'GET', path: '/templates', handler: 'admin.templates', config: staff },
      { method: 'PUT', path: '/templates/:language', handler: 'admin.saveTemplate', config: staff },
      { method: 'DELETE', path: '/templates/:language', handler: 'admin.resetTemplate', config: staff },
      { method: 'POST', path: '/templates/:language/preview', handler: 'admin.preview', config: staff },
      { method: 'POST', path: '/templates/:language/test', handler: 'admin.sendTest', config: staff },
    ],
  },
};
