/** Figures are for staff: a full-access API token here, the admin session on /buurtplein/stats (../admin-routes.ts). */
const staffGet = (path: string, handler: string) => ({ method: 'GET', path, handler, config: { policies: ['global::staff-token'] } });

export default {
  routes: [
    // Anyone may send it, signed in or not: it only counts a view of something public.
    { method: 'POST', path: '/stats/beacon', handler: 'stats.beacon', config: { auth: false } },
    staffGet('/stats/items/:type/:documentId', 'stats.item'),
    staffGet('/stats/overview', 'stats.overview'),
    staffGet('/stats/searches', 'stats.searches'),
    staffGet('/stats/daily.csv', 'stats.dailyCsv'),
  ],
};
