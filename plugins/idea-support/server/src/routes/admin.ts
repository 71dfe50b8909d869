import { OFFICIAL_REPLY_ACTION } from '../permissions';

// Who may reply for the town is staff's choice: the action is granted per admin role (Settings → Roles).
const mayReply = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [OFFICIAL_REPLY_ACTION] } }] };

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/initiatives/:documentId/stats',
      handler: 'admin-stats.stats',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    { method: 'GET', path: '/initiatives/:documentId/official-replies', handler: 'admin-replies.list', config: mayReply },
    { method: 'POST', path: '/initiatives/:documentId/official-replies', handler: 'admin-replies.create', config: mayReply },
  ],
};
