const staff = { policies: ['admin::isAuthenticatedAdmin'] };

// Reporting has no route here: each plugin's own report route calls the service, so the URL says what is reported.
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/queue', handler: 'admin.queue', config: staff },
      { method: 'POST', path: '/decisions', handler: 'admin.decide', config: staff },
    ],
  },
};
