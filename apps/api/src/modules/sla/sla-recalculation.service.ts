import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  LIFECYCLE_TASK_QUEUE,
  SLA_RECALCULATION_WORKFLOW_TYPE,
  slaRecalculationProgressQuery,
  slaRecalculationWorkflowId,
  type SlaRecalculationInput,
  type SlaRecalculationProgress,
} from '@zs/contracts';
import { ERROR_CODES, type PolicyKey, type RecalculationRequest, localized } from '@zs/domain';
import { countOpenClockWorkflows, findRecalculationRequest, inTransaction, recordAdminAudit, type Database, type RecalculationRequestRecord } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import { mapWorkflowError } from '../../infrastructure/workflow-error.mapper';
import type { RecalculationDto, RecalculationStatusDto } from './dto/recalculation.dto';

/**
 * 重新计算: each request is a workflow (see slaRecalculationWorkflow) that signals every workflow
 * with an open clock, so it reaches all of them even if this process stops half-way, and its
 * progress can be followed. The request is audited in the same transaction that starts it: a
 * request Temporal refuses leaves no audit row, and an audited request always runs.
 */
@Injectable()
export class SlaRecalculationService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(Client) private readonly client: Client,
  ) {}

  async request(dto: RecalculationDto, caller: AuthenticatedUser): Promise<RecalculationStatusDto> {
    const request: RecalculationRequest = {
      requestId: randomUUID(),
      scope: dto.scope,
      reason: dto.reason,
      actor: { userId: caller.id, role: caller.role, displayName: caller.displayName },
    };
    const policyKey = dto.policyKey ?? null;
    const openWorkflows = await countOpenClockWorkflows(this.db, policyKey);
    const input: SlaRecalculationInput = { request, policyKey };
    try {
      await inTransaction(this.db, async (tx) => {
        await recordAdminAudit(tx, {
          actor: request.actor,
          action: 'sla.recalculation_requested',
          subject: policyKey ? `sla_policy:${policyKey}` : 'sla_clocks:all',
          reason: dto.reason,
          payload: { requestId: request.requestId, scope: dto.scope, openWorkflows },
        });
        await this.client.workflow.start(SLA_RECALCULATION_WORKFLOW_TYPE, {
          workflowId: slaRecalculationWorkflowId(request.requestId),
          taskQueue: LIFECYCLE_TASK_QUEUE,
          args: [input],
        });
      });
    } catch (err) {
      throw mapWorkflowError(err) ?? err;
    }
    // Answered from the audit row alone: the workflow may not have had a worker yet.
    return statusDto((await findRecalculationRequest(this.db, request.requestId))!, 'running', NO_PROGRESS);
  }

  /** Where a request stands: what was asked (from its audit row), and the workflow's progress or outcome. */
  async status(requestId: string): Promise<RecalculationStatusDto> {
    const asked = await findRecalculationRequest(this.db, requestId);
    if (!asked) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`重新计算请求 ${requestId} 不存在`, `no recalculation ${requestId}`));
    const handle = this.client.workflow.getHandle(slaRecalculationWorkflowId(requestId));
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return statusDto(asked, 'completed', await handle.result());
      if (status.name === 'RUNNING') return statusDto(asked, 'running', await handle.query(slaRecalculationProgressQuery));
      // Failed, terminated or timed out: an operator's matter; the request can be made again.
      return statusDto(asked, 'failed', NO_PROGRESS);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`重新计算 ${requestId} 的流程记录已过保留期`, `the workflow of recalculation ${requestId} is gone (past the namespace's retention)`));
      throw mapWorkflowError(err) ?? err;
    }
  }
}

const NO_PROGRESS: Progress = { signalled: 0, ended: 0 };

type Progress = Pick<SlaRecalculationProgress, 'signalled' | 'ended'>;

function statusDto(asked: RecalculationRequestRecord, status: RecalculationStatusDto['status'], progress: Progress): RecalculationStatusDto {
  return {
    requestId: asked.payload.requestId,
    scope: asked.payload.scope,
    policyKey: asked.subject.startsWith('sla_policy:') ? (asked.subject.slice('sla_policy:'.length) as PolicyKey) : null,
    reason: asked.reason,
    requestedBy: asked.actorUserId,
    requestedAt: asked.at.toISOString(),
    status,
    openWorkflowsAtRequest: asked.payload.openWorkflows,
    signalled: progress.signalled,
    ended: progress.ended,
  };
}
