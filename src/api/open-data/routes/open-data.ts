/** Open data for anyone: only what the public REST API shows, as files. */
export default {
  routes: [
    { method: 'GET', path: '/export/hsds', handler: 'open-data.hsds', config: { auth: false } },
    { method: 'GET', path: '/export/:type.csv', handler: 'open-data.csv', config: { auth: false } },
  ],
};
