// Public and read-only: the index holds only published, non-archived, public fields.
export default {
  routes: [{ method: 'GET', path: '/search', handler: 'search.search', config: { auth: false } }],
};
