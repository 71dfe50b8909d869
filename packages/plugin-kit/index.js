'use strict';
// The kit is TypeScript compiled with the app into dist/ (like the plugins'
// strapi-server.js): a missing build fails loudly with "Cannot find module".
module.exports = require('../../dist/packages/plugin-kit/src/index.js');
