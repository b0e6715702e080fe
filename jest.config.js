// @ts-check
const { readdirSync } = require('node:fs');
const { resolve } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

/**
 * One jest run for the whole workspace. @swc/jest compiles TypeScript with decorator
 * metadata and rewrites the `@zs/*` path aliases itself, so they also work inside the
 * global set-up, which jest loads outside its module system (no moduleNameMapper there).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      baseUrl: resolve(__dirname),
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  transform: base.transform,
  // Two files at a time (the machines have two cores). Each worker has a database and a Temporal
  // namespace of its own (test/setup/stack-env.ts); each time-skipping file starts its own test
  // server (its clock is global). ZS_TEST_WORKERS overrides (1: one file at a time).
  maxWorkers: Number(process.env.ZS_TEST_WORKERS ?? 2),
  testTimeout: 120_000,
  // One jest project per Nx project (same name), so `jest --selectProjects <name>` (its Nx `test`
  // target) runs exactly its tests: every folder of libs/ and apps/, workflows, e2e.
  // Activities are tested against real servers (SMTP, HTTP, PostgreSQL): their target picks those e2e suites.
  projects: [
    ...['libs', 'apps'].flatMap((group) =>
      readdirSync(resolve(__dirname, group), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => ({ ...base, displayName: d.name, testMatch: [`<rootDir>/${group}/${d.name}/**/*.spec.ts`] })),
    ),
    { ...base, displayName: 'workflows', testMatch: ['<rootDir>/test/workflows/**/*.spec.ts', '<rootDir>/workflows/**/*.spec.ts'] },
    // A failing browser journey keeps its screenshot and trace: the environment says which test failed.
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testEnvironment: '<rootDir>/test/setup/failure-aware-environment.js' },
  ],
};
