/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // One file boots Strapi once and runs every integration suite (*.suite.ts);
  // the other *.test.ts files are unit tests that need no server.
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/{src,plugins,scripts,packages}/**/__tests__/**/*.test.ts', '<rootDir>/frontend/src/__tests__/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/node_modules/'],
  // The kit's source, not its build: unit tests run before anything is compiled.
  moduleNameMapper: { '^@buurtplein/plugin-kit$': '<rootDir>/packages/plugin-kit/src/index.ts' },
  testTimeout: 60_000,
};
