export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/initiatives/:documentId/support',
      handler: 'support.status',
    },
  ],
};
