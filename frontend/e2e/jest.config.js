const path = require('node:path');

/** The reference site's end-to-end run: its own config, so `npm test` never starts a browser. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/frontend/e2e/**/*.e2e.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/node_modules/'],
  testTimeout: 60_000,
};
