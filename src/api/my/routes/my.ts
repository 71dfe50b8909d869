const route = (method: string, path: string, handler: string, rateLimited = false) => ({
  method,
  path,
  handler: `my.${handler}`,
  config: rateLimited ? { middlewares: [{ name: 'global::rate-limit', config: { scope: handler } }] } : {},
});

// Granted to the editor role only (src/bootstrap/permissions.ts); each handler checks membership itself.
export default {
  routes: [
    route('GET', '/my/organisations', 'organisations'),
    route('PUT', '/my/organisations/:documentId', 'updateOrganisation'),
    route('POST', '/my/organisations/:documentId/invitations', 'invite', true),
    route('PUT', '/my/organisations/:documentId/logo', 'setOrganisationLogo'),
    route('DELETE', '/my/organisations/:documentId/logo', 'removeOrganisationLogo'),
    route('GET', '/my/activities', 'activities'),
    route('POST', '/my/activities', 'createActivity'),
    route('PUT', '/my/activities/:documentId', 'updateActivity'),
    route('DELETE', '/my/activities/:documentId', 'deleteActivity'),
    route('POST', '/my/activities/:documentId/publish', 'publishActivity'),
    route('POST', '/my/activities/:documentId/unpublish', 'unpublishActivity'),
    route('PUT', '/my/activities/:documentId/image', 'setActivityImage'),
    route('DELETE', '/my/activities/:documentId/image', 'removeActivityImage'),
  ],
};
