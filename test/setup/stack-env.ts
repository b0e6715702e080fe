import type { ManagedProcess, RunningPostgres } from '@zs/local-stack';

/** Environment variables through which the global set-up tells test files where the stack is. */
export const STACK_ENV = {
  /** The application role zs_app (what the code under test connects with; README "Database roles"). */
  databaseUrl: 'ZS_TEST_DATABASE_URL',
  /** The superuser that migrated the database: only for assertions that must inspect or tamper behind the engine's back. */
  superuserDatabaseUrl: 'ZS_TEST_SUPERUSER_DATABASE_URL',
  /** The read-only zs_auditor (the reconciler, direct SQL). */
  auditorDatabaseUrl: 'ZS_TEST_AUDITOR_DATABASE_URL',
  temporalAddress: 'ZS_TEST_TEMPORAL_ADDRESS',
  workflowBundle: 'ZS_TEST_WORKFLOW_BUNDLE',
  workDir: 'ZS_TEST_WORK_DIR',
  /** Issue 9: the key that signs Temporal payloads, generated once per test run. */
  payloadKey: 'ZS_TEST_TEMPORAL_PAYLOAD_KEY',
} as const;

export interface TestStackHandles {
  postgres: RunningPostgres;
  temporal: ManagedProcess;
  dir: string;
}

export function stackEnv(key: keyof typeof STACK_ENV): string {
  const value = process.env[STACK_ENV[key]];
  if (!value) throw new Error(`${STACK_ENV[key]} is not set: run the tests through jest's global set-up (npm test)`);
  return value;
}
