import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, isGrpcServiceError, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type WorkflowUpdateOptions } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { UpdateDefinition } from '@temporalio/common';
import type { ApiConfig } from '@zs/config';
import {
  LIFECYCLE_TASK_QUEUE,
  PROJECT_WORKFLOW_TYPE,
  splitAnswer,
  projectStateQuery,
  projectWorkflowId,
  registrationUpdate,
  type ProjectSnapshot,
  type ProjectWorkflowInput,
  type StepUpdate,
} from '@zs/contracts';
import type { Actor, Stage, VersionedSlaPolicy } from '@zs/domain';
import { writeProjectionBatch, type Database } from '@zs/persistence';
import { SERVER_TIMING_PARTS, timedPart } from '../common/http/server-timing';
import { API_CONFIG } from './api-config.provider';
import { DATABASE } from './database.provider';
import { withTimeLimit } from './time-limit';
import { mapWorkflowError, type WorkflowErrorContext } from './workflow-error.mapper';
import type { ApiException } from '../common/errors/api.exception';

/** What Temporal knows of an update id on a workflow's current run. */
export type UpdateOutcome =
  | { stage: 'unknown' }
  | { stage: 'pending' }
  | { stage: 'completed' }
  | { stage: 'rejected'; error: ApiException | null };

const GRPC_NOT_FOUND = 5;
const ADMITTED = temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED;

/** The run id is not returned: update-with-start does not expose it, and GET reads it from the read model. */
export interface RegistrationResult {
  snapshot: ProjectSnapshot;
  workflowId: string;
}

export interface StepRequest<C> {
  workflowId: string;
  update: UpdateDefinition<ProjectSnapshot, [StepUpdate<C>]>;
  actor: Actor;
  command: C;
  /** Set only when the client sent an Idempotency-Key: Temporal then returns the first result for a repeat. */
  updateId?: string;
  /** The read model's stage, used only to word errors. */
  knownStage?: Stage;
  /** The cadence policies the step would start, as the API foresaw them (StepUpdate.policies). */
  policies?: VersionedSlaPolicy[];
}

export interface UpdateCallOptions {
  /** Set only when the client sent an Idempotency-Key: Temporal then returns the first result for a repeat. */
  updateId?: string;
  /** Words the errors (a finished run, a known stage). */
  errorContext?: WorkflowErrorContext;
}

/**
 * Everything the API asks of the workflows (a project's, a service request's), by type name and contract types only.
 * Each call is bounded by TEMPORAL_UPDATE_TIMEOUT_MS and its errors are translated in one place.
 */
@Injectable()
export class WorkflowGateway {
  private readonly logger = new Logger(WorkflowGateway.name);

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /**
   * Get-or-create: a running workflow with this id is reused (a retried request joins it);
   * a finished one is not restarted, and its final snapshot answers instead.
   */
  async register(input: ProjectWorkflowInput): Promise<RegistrationResult> {
    const workflowId = projectWorkflowId(input.projectId);
    const op = new WithStartWorkflowOperation(PROJECT_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: LIFECYCLE_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return this.call(async () => {
      try {
        const snapshot = await timedPart(SERVER_TIMING_PARTS.update, () => this.client.workflow.executeUpdateWithStart(registrationUpdate, { startWorkflowOperation: op }));
        return { snapshot: await this.projected(snapshot), workflowId };
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        const snapshot = await this.client.workflow.getHandle(workflowId).query(projectStateQuery);
        return { snapshot, workflowId };
      }
    });
  }

  async step<C>(request: StepRequest<C>): Promise<ProjectSnapshot> {
    const args: [StepUpdate<C>] = [{ actor: request.actor, command: request.command, ...(request.policies ? { policies: request.policies } : {}) }];
    const snapshot = await this.call(
      () =>
        timedPart(SERVER_TIMING_PARTS.update, () =>
          this.client.workflow.getHandle(request.workflowId).executeUpdate(request.update, request.updateId ? { args, updateId: request.updateId } : { args }),
        ),
      { stage: request.knownStage },
    );
    return this.projected(snapshot);
  }

  /**
   * Any other Workflow Update (a service request's steps, the raise on the project workflow),
   * with the same time limit and error translation as `step`.
   */
  async update<R, A extends unknown[]>(workflowId: string, update: UpdateDefinition<R, A>, args: A, options: UpdateCallOptions = {}): Promise<R> {
    const handle = this.client.workflow.getHandle(workflowId);
    // The client's overloads split updates with and without arguments; one generic signature covers both.
    const execute = handle.executeUpdate.bind(handle) as (def: UpdateDefinition<R, A>, opts: WorkflowUpdateOptions & { args: A }) => Promise<R>;
    const result = await this.call(
      () => timedPart(SERVER_TIMING_PARTS.update, () => execute(update, options.updateId ? { args, updateId: options.updateId } : { args })),
      options.errorContext,
    );
    return this.projected(result);
  }

  /**
   * Answer-on-commit (issue 12): a step's answer carries the events its workflow task
   * committed; they are written here (the same idempotent, forward-only write as the projection
   * activity's) before the caller answers, so a 2xx means the audit log and read model hold the
   * step. A database failure propagates (503 with the step's key: it was applied, and the activity
   * writes it); a conflicting sequence number is kept for administrators by the write and logged.
   * The answer goes on without the events.
   */
  private async projected<A>(result: A): Promise<A> {
    // Only an object answer can carry events (a raise answers ids, some updates nothing).
    if (typeof result !== 'object' || result === null) return result;
    const { answer, batch } = splitAnswer(result);
    if (batch) {
      const conflicts = await timedPart(SERVER_TIMING_PARTS.projection, () => writeProjectionBatch(this.db, batch, { mayBeHeld: false }));
      if (conflicts.length > 0) {
        this.logger.error(`projection refused for ${batch.workflowId}: sequence ${conflicts.map((c) => c.seq).join(', ')} already holds another event`);
      }
    }
    return answer;
  }

  /**
   * Where an update stands, without waiting for it: unknown to the current run (never
   * admitted, or lost with a server restart before it was accepted), still pending (admitted or
   * accepted, e.g. while no worker runs), completed, or rejected (with the refusal it met).
   */
  async updateOutcome(workflowId: string, updateId: string): Promise<UpdateOutcome> {
    return this.call(async () => {
      let response: temporal.api.workflowservice.v1.IPollWorkflowExecutionUpdateResponse;
      try {
        response = await this.client.workflowService.pollWorkflowExecutionUpdate({
          namespace: this.client.options.namespace,
          identity: this.client.options.identity,
          updateRef: { workflowExecution: { workflowId }, updateId },
          waitPolicy: { lifecycleStage: ADMITTED },
        });
      } catch (err) {
        if (isGrpcServiceError(err) && err.code === GRPC_NOT_FOUND) return { stage: 'unknown' };
        throw err;
      }
      if (!response.outcome) return { stage: 'pending' };
      let answer: unknown;
      try {
        answer = await this.client.workflow.getHandle(workflowId).getUpdateHandle(updateId).result();
      } catch (err) {
        return { stage: 'rejected', error: mapWorkflowError(err) };
      }
      // Answered on commit while nobody waited (the caller had its 503): its events are written here,
      // as the step would have, so an applied step is read with its audit event.
      await this.projected(answer);
      return { stage: 'completed' };
    });
  }

  private async call<R>(fn: () => Promise<R>, context: WorkflowErrorContext = {}): Promise<R> {
    const limitMs = this.config.TEMPORAL_UPDATE_TIMEOUT_MS;
    try {
      return await withTimeLimit(this.client.withDeadline(Date.now() + limitMs, fn), limitMs);
    } catch (err) {
      throw mapWorkflowError(err, context) ?? err;
    }
  }
}
