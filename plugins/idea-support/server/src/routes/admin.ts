export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/initiatives/:documentId/stats',
      handler: 'admin-stats.stats',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
