// Admin routes only: every call needs an admin panel login (staff), never a users-permissions JWT.
const config = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/types', handler: 'imports.types', config },
      { method: 'POST', path: '/imports', handler: 'imports.upload', config },
    ],
  },
};
