// Granted to every signed-in role (src/bootstrap/permissions.ts); the service checks who the initiator is.
export default {
  routes: [
    { method: 'GET', path: '/my/initiatives', handler: 'initiatives.initiatives' },
    { method: 'POST', path: '/my/initiatives', handler: 'initiatives.createInitiative' },
    { method: 'PUT', path: '/my/initiatives/:documentId', handler: 'initiatives.updateInitiative' },
  ],
};
