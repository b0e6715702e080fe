import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { ApiConfig } from '@zs/config';
import { LIFECYCLE_TASK_QUEUE, PROJECT_WORKFLOW_TYPE, projectWorkflowId, type ProjectWorkflowInput } from '@zs/contracts';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { withTimeLimit } from '../../infrastructure/time-limit';

/** How many workflow starts are in flight at once: 200 projects start in a few seconds without flooding the frontend. */
export const IMPORT_START_CONCURRENCY = 16;

/**
 * Starts the imported projects' workflows, a bounded number at a time. A start is a plain
 * StartWorkflowExecution with a workflow id derived from the import and the row: a workflow
 * already running (or finished) under that id counts as started, so a retry starts nothing twice.
 */
@Injectable()
export class ImportStarter {
  private readonly logger = new Logger(ImportStarter.name);

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The rows whose workflow now runs (or ran); failures are logged and left for a retry. */
  async startAll(inputs: Array<{ row: number; input: ProjectWorkflowInput }>): Promise<number[]> {
    const started: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) {
        const item = inputs[next++];
        if (await this.start(item.input)) started.push(item.row);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_START_CONCURRENCY, inputs.length) }, worker));
    return started.sort((a, b) => a - b);
  }

  private async start(input: ProjectWorkflowInput): Promise<boolean> {
    const limitMs = this.config.TEMPORAL_UPDATE_TIMEOUT_MS;
    const workflowId = projectWorkflowId(input.projectId);
    try {
      await withTimeLimit(
        this.client.withDeadline(Date.now() + limitMs, () =>
          this.client.workflow.start(PROJECT_WORKFLOW_TYPE, {
            workflowId,
            taskQueue: LIFECYCLE_TASK_QUEUE,
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        ),
        limitMs,
      );
      return true;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return true;
      this.logger.warn(`import: starting ${workflowId} failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }
}
