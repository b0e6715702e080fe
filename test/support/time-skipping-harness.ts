import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { quietRuntime } from './quiet-runtime';
import type { DataSource } from 'typeorm';
import { LIFECYCLE_TASK_QUEUE, PROJECT_SEARCH_ATTRIBUTES, PROJECT_WORKFLOW_TYPE, projectWorkflowId, registrationUpdate, type ProjectSnapshot } from '@zs/contracts';
import type { Actor, Lead } from '@zs/domain';
import type { WorkflowHandle } from '@temporalio/client';
import { resolveTemporalTestServer } from '@zs/local-stack';
import { createDataSource } from '@zs/persistence';
import { createLifecycleWorker } from '@zs/worker';
import type { WorkdayCalendar } from '@zs/activities';
import { stackEnv } from '../setup/stack-env';
import { sampleLead } from './sample-lead';

const { IndexedValueType } = temporal.api.enums.v1;
const SA_TYPES: Record<string, number> = { KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL };

export interface TimeSkippingHarness {
  env: TestWorkflowEnvironment;
  dataSource: DataSource;
  /** Runs a worker on `workflowBundle` (with the real activities) until the returned stop is called. */
  runWorker(workflowBundle: { code: string } | { codePath: string }, options?: WorkerOptions): Promise<() => Promise<void>>;
  /** Registers a lead the way POST /leads does (update-with-start) and returns its handle. */
  register(lead?: Partial<Lead>, actor?: Actor): Promise<{ projectId: string; handle: WorkflowHandle; snapshot: ProjectSnapshot }>;
  teardown(): Promise<void>;
}

interface WorkerOptions {
  maxCachedWorkflows?: number;
  calendar?: WorkdayCalendar;
}

export const OFFICER: Actor = { userId: 'u-officer', role: 'investment_officer', displayName: '李专员' };
export const TASK_FORCE: Actor = { userId: 'u-taskforce', role: 'intake_task_force', displayName: '承接专班' };

/** A private time-skipping server, a real worker with the real activities, and the test database. */
export async function startTimeSkippingHarness(opts: { worker?: boolean; calendar?: WorkdayCalendar } = {}): Promise<TimeSkippingHarness> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: resolveTemporalTestServer() } },
  });
  // The time-skipping server has no --search-attribute flag, but implements the operator API.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(PROJECT_SEARCH_ATTRIBUTES.map((k) => [k.name, SA_TYPES[k.type]])),
  });
  const dataSource = createDataSource({ url: stackEnv('databaseUrl'), poolSize: 4 });
  await dataSource.initialize();
  const runWorker = async (workflowBundle: { code: string } | { codePath: string }, options: WorkerOptions = {}) => {
    const worker: Worker = await createLifecycleWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      dataSource,
      workflowBundle,
      maxCachedWorkflows: options.maxCachedWorkflows,
      calendar: options.calendar ?? opts.calendar,
    });
    const running = worker.run();
    return async () => {
      worker.shutdown();
      await running;
    };
  };
  const stopDefault = opts.worker === false ? null : await runWorker({ codePath: stackEnv('workflowBundle') });

  return {
    env,
    dataSource,
    runWorker,
    async register(lead = {}, actor = OFFICER) {
      const projectId = randomUUID();
      // The time-skipping server lacks update-with-start (ExecuteMultiOperation): start, then update.
      const handle = await env.client.workflow.start(PROJECT_WORKFLOW_TYPE, {
        workflowId: projectWorkflowId(projectId),
        taskQueue: LIFECYCLE_TASK_QUEUE,
        args: [{ projectId, lead: sampleLead(lead), registeredBy: actor, requestHash: 'test' }],
      });
      const snapshot = await handle.executeUpdate(registrationUpdate);
      return { projectId, handle, snapshot };
    },
    async teardown() {
      await stopDefault?.();
      await dataSource.destroy();
      await env.teardown();
    },
  };
}
