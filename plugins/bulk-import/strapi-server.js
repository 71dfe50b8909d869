'use strict';
// The server code is TypeScript compiled with the app into dist/. Requiring the
// build here makes a missing build fail loudly instead of the plugin being skipped.
module.exports = require('../../dist/plugins/bulk-import/server/src/index.js').default;
