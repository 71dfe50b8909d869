const limited = (scope: string) => ({ middlewares: [{ name: 'global::rate-limit', config: { scope, perUser: true } }] });

/**
 * Joining and leaving take a session; managing members takes being an
 * active admin of the group (src/bootstrap/permissions.ts, services/membership.ts).
 */
export default {
  routes: [
    { method: 'GET', path: '/groups/:documentId/join', handler: 'membership.mine', config: {} },
    { method: 'POST', path: '/groups/:documentId/join', handler: 'membership.join', config: limited('group-join') },
    { method: 'DELETE', path: '/groups/:documentId/join', handler: 'membership.leave', config: {} },
    { method: 'GET', path: '/groups/:documentId/members', handler: 'members.list', config: {} },
    { method: 'PUT', path: '/groups/:documentId/members/:id', handler: 'members.change', config: {} },
    { method: 'DELETE', path: '/groups/:documentId/members/:id', handler: 'members.remove', config: {} },
    { method: 'POST', path: '/groups/:documentId/invitations', handler: 'members.invite', config: limited('group-invite') },
  ],
};
