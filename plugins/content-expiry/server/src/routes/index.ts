const routes = (type: 'admin' | 'content-api') => {
  const config = type === 'admin' ? { policies: ['admin::isAuthenticatedAdmin'] } : {};
  return {
    type,
    routes: [
      { method: 'GET', path: '/types', handler: 'expiry.types', config },
      { method: 'GET', path: '/runs', handler: 'expiry.runs', config },
      { method: 'POST', path: '/runs', handler: 'expiry.runNow', config },
      { method: 'GET', path: '/archived', handler: 'expiry.archived', config },
      { method: 'POST', path: '/restore', handler: 'expiry.restore', config },
    ],
  };
};

// Content API: no role is granted these actions, so only staff with a full-access API token get through.
export default {
  admin: routes('admin'),
  'content-api': routes('content-api'),
};
