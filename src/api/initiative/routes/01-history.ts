/** An initiative's way so far (public, like the initiative itself). */
export default {
  routes: [{ method: 'GET', path: '/initiatives/:documentId/history', handler: 'history.stages', config: { auth: false } }],
};
