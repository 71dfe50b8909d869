import { CACHED_PLUGIN_ROUTES } from '@buurtplein/plugin-kit';

// Paths the app's response cache keeps come from the kit, so both sides name the same route.
const SUPPORT = CACHED_PLUGIN_ROUTES.supportStatus.path;
const COMMENTS = '/initiatives/:documentId/comments';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: SUPPORT, handler: 'support.status' },
    { method: 'POST', path: SUPPORT, handler: 'support.support' },
    { method: 'DELETE', path: SUPPORT, handler: 'support.withdraw' },
    { method: 'GET', path: CACHED_PLUGIN_ROUTES.supportRanking.path, handler: 'support.ranking' },
    { method: 'GET', path: COMMENTS, handler: 'comments.list' },
    { method: 'POST', path: COMMENTS, handler: 'comments.create' },
    { method: 'POST', path: '/comments/:id/report', handler: 'comments.report' },
  ],
};
