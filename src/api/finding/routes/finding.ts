// Public and read-only: the same for everyone, so no role needs a grant and a stale token does not turn into a 401.
const publicGet = (path: string, handler: string) => ({ method: 'GET', path, handler, config: { auth: false } });

export default {
  routes: [
    publicGet('/map/activities.geojson', 'map.activities'),
    publicGet('/map/organisations.geojson', 'map.organisations'),
    publicGet('/agenda', 'agenda.list'),
    publicGet('/feeds/activities.ics', 'feeds.calendar'),
    publicGet('/feeds/latest.rss', 'feeds.latest'),
    publicGet('/activities/:documentId/jsonld', 'jsonld.activity'),
    publicGet('/organisations/:documentId/jsonld', 'jsonld.organisation'),
  ],
};
