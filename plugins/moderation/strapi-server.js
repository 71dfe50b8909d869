'use strict';
// The server code is TypeScript compiled with the app into dist/. Requiring the
// build here (instead of an exports entry) makes a missing build fail loudly
// with "Cannot find module" rather than the plugin being skipped in silence.
module.exports = require('../../dist/plugins/moderation/server/src/index.js').default;
