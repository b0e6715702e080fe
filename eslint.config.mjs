import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Architecture is enforced here, not remembered: see README "Architecture".
const NODE_BUILTINS = ['fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process', 'os', 'process', 'timers', 'worker_threads'];

const DEP_CONSTRAINTS = [
            // Pure domain: no project, no package.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['*'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain'],
              allowedExternalImports: ['@temporalio/common', '@temporalio/workflow'],
            },
            // Deterministic workflow code: the Temporal workflow API, contracts and domain only.
            {
              sourceTag: 'type:workflows',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              allowedExternalImports: ['@temporalio/workflow', '@temporalio/common'],
            },
            {
              sourceTag: 'type:activities',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:persistence', 'type:config'],
              bannedExternalImports: ['@temporalio/workflow', '@nestjs/*'],
            },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['@temporalio/*', '@nestjs/*'] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:domain'] },
            // The HMAC-SM3 payload codec (issue 9): outside the workflow sandbox, beside every Temporal client and worker.
            { sourceTag: 'type:temporal-codec', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'], allowedExternalImports: ['@temporalio/common'] },
            // The API starts workflows by name with contract types; it never imports workflow or activity code.
            {
              sourceTag: 'type:app-api',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:persistence', 'type:config', 'type:temporal-codec'],
              bannedExternalImports: ['@temporalio/worker', '@temporalio/activity'],
            },
            {
              sourceTag: 'type:app-worker',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:persistence', 'type:config', 'type:activities', 'type:workflows', 'type:temporal-codec'],
              bannedExternalImports: ['@nestjs/*'],
            },
            // The web console (apps/web) talks to the API over HTTP only: the pure domain (labels, permissions) and browser packages.
            {
              sourceTag: 'type:app-web',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', '@temporalio/*', 'typeorm', 'pg', 'node:*'],
            },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ];

const boundaries = (allow) => ['error', { enforceBuildableLibDependency: false, allow, depConstraints: DEP_CONSTRAINTS }];

// Issue 8, "SQL in one place": every SQL statement and every TypeORM access lives in libs/persistence,
// behind typed functions; the rest of the code holds the Database handle and passes it on.
const PERSISTENCE_ONLY = 'SQL and TypeORM belong in libs/persistence: call (or add) a typed function of @zs/persistence instead (issue 8).';
const SQL_ALLOWED_OUTSIDE_PERSISTENCE = [
  // Tooling that creates the database itself (with pg), before any pool exists.
  'libs/local-stack/src/embedded-postgres.ts',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '.data/**', '.bench-scale/**', '.tools/**', '.nx/**', 'coverage/**', '**/__histories__/**', 'test/workflows/fixtures/v*/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries([]),
    },
  },
  {
    // SQL in one place (issue 8). Tests keep their own SQL to set up and inspect the database.
    files: ['**/*.ts'],
    ignores: ['libs/persistence/**', 'test/**', '**/*.spec.ts', ...SQL_ALLOWED_OUTSIDE_PERSISTENCE],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['typeorm', 'pg'].map((name) => ({ name, message: PERSISTENCE_ONLY })), patterns: [{ group: ['typeorm/*', 'pg/*'], message: PERSISTENCE_ONLY }] },
      ],
      'no-restricted-syntax': [
        'error',
        // Temporal's handle.query(someQuery) is not SQL: its argument is a query definition, named …Query by convention.
        { selector: "CallExpression[callee.property.name='query']:not([arguments.0.name=/Query$/])", message: PERSISTENCE_ONLY },
        { selector: 'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder|transaction)$/]', message: PERSISTENCE_ONLY },
      ],
    },
  },
  {
    // The console: React's rules of hooks; the Vite config runs in Node.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tooling and tests drive the apps through their public entry points; production code never may.
    files: ['test/**/*.ts', 'apps/launcher/**/*.ts', 'apps/bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['@zs/api', '@zs/worker', '@zs/workflows']) },
  },
  {
    // Property tests of pure code: fast-check is test tooling, not a dependency the domain ships with
    // (its generators shared between specs live in *.arbitraries.ts, which the build leaves out).
    files: ['libs/domain/**/*.spec.ts', 'libs/domain/**/*.arbitraries.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: DEP_CONSTRAINTS.map((c) => (c.sourceTag === 'type:domain' ? { sourceTag: c.sourceTag, onlyDependOnLibsWithTags: c.onlyDependOnLibsWithTags, allowedExternalImports: ['fast-check'] } : c)),
        },
      ],
    },
  },
  {
    // Tests and tooling read loosely typed JSON responses.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Pure domain: no Node built-ins either (Nx only sees npm packages).
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]) }] },
  },
  {
    // Workflow sources (not their tests) run in the deterministic sandbox.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts', 'workflows/src/testing/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]).concat(['@temporalio/client', '@temporalio/worker', '@temporalio/activity']),
          patterns: ['@zs/persistence', '@zs/activities', '@zs/config', 'typeorm', 'pg', '@nestjs/*'],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval'],
    },
  },
);
