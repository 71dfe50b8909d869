const limited = { middlewares: [{ name: 'global::rate-limit', config: { scope: 'group-join' } }] };

/** Joining and leaving take a session (src/bootstrap/permissions.ts); joining is rate limited per IP. */
export default {
  routes: [
    { method: 'POST', path: '/groups/:documentId/join', handler: 'membership.join', config: limited },
    { method: 'DELETE', path: '/groups/:documentId/join', handler: 'membership.leave', config: {} },
  ],
};
