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

/**
 * Test files run side by side in jest's workers. Each worker has a database (a copy of the
 * migrated one) and a Temporal namespace of its own, so two files running at once never meet:
 * neither in the read models nor in a task queue, a schedule or a visibility query.
 */
const PER_WORKER_DATABASE: ReadonlySet<keyof typeof STACK_ENV> = new Set(['databaseUrl', 'superuserDatabaseUrl', 'auditorDatabaseUrl']);

/** jest numbers its workers from 1 (and runs in band as worker 1). */
export function testWorkerIndex(): number {
  return Number(process.env.JEST_WORKER_ID ?? '1');
}

export function workerDatabaseName(base: string, worker: number): string {
  return `${base}_w${worker}`;
}

export function workerNamespace(worker: number): string {
  return `zs-test-w${worker}`;
}

/** The zones the several-zones suites configure (issue 12): ZONES as a deployment would set it. */
export const TEST_ZONES = 'jingkai:经开区,gaoxin:高新区';

/** A worker's namespace and its test zones' namespaces (zoneOf: `<namespace>-<code>`), all made with the dev server. */
export function workerNamespaces(worker: number): string[] {
  const base = workerNamespace(worker);
  return [base, ...TEST_ZONES.split(',').map((entry) => `${base}-${entry.split(':')[0]}`)];
}

export function stackEnv(key: keyof typeof STACK_ENV | 'temporalNamespace'): string {
  if (key === 'temporalNamespace') return workerNamespace(testWorkerIndex());
  const value = process.env[STACK_ENV[key]];
  if (!value) throw new Error(`${STACK_ENV[key]} is not set: run the tests through jest's global set-up (npm test)`);
  if (!PER_WORKER_DATABASE.has(key)) return value;
  const url = new URL(value);
  url.pathname = `/${workerDatabaseName(url.pathname.slice(1), testWorkerIndex())}`;
  return url.toString();
}
