// Read-only and granted to every role (src/bootstrap/permissions.ts): a signed-in caller is
// recognised, so they also find what members and their groups may see (src/visibility/audience.ts).
export default {
  routes: [{ method: 'GET', path: '/search', handler: 'search.search', config: {} }],
};
