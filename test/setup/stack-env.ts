import type { ManagedProcess, RunningPostgres } from '@zs/local-stack';

/** Environment variables through which the global set-up tells test files where the stack is. */
export const STACK_ENV = {
  databaseUrl: 'ZS_TEST_DATABASE_URL',
  temporalAddress: 'ZS_TEST_TEMPORAL_ADDRESS',
  workflowBundle: 'ZS_TEST_WORKFLOW_BUNDLE',
  workDir: 'ZS_TEST_WORK_DIR',
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
