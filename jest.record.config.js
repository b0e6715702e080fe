// `npm run histories:record`: the history recorder alone, with the same set-up as the tests.
const base = require('./jest.config.js');

module.exports = {
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
  maxWorkers: 1,
  testTimeout: base.testTimeout,
  testEnvironment: 'node',
  transform: base.transform,
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/workflows/record-histories.recorder.ts'],
};
