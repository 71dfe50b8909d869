const limited = { middlewares: [{ name: 'global::rate-limit', config: { scope: 'article', perUser: true } }] };

/** A group's members write articles in it; its admins publish them (src/bootstrap/permissions.ts). */
export default {
  routes: [
    { method: 'POST', path: '/groups/:documentId/articles', handler: 'authoring.create', config: limited },
    { method: 'PUT', path: '/my/articles/:documentId', handler: 'authoring.update', config: {} },
    { method: 'POST', path: '/my/articles/:documentId/publish', handler: 'authoring.publish', config: {} },
  ],
};
