// Public, like the sign-up form that uses it; lookups count against the same per-IP limit as logins.
export default {
  routes: [
    { method: 'GET', path: '/geocoder', handler: 'geocoder.status', config: { auth: false } },
    {
      method: 'GET',
      path: '/geocoder/search',
      handler: 'geocoder.search',
      config: { auth: false, middlewares: [{ name: 'global::rate-limit', config: { scope: 'geocoder' } }] },
    },
  ],
};
