import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { auditEventOfUpdate, findProjectSubject, findServiceRequestSubject, type Database, type StoredAuditEvent } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import { updateIdFromIdempotencyKey } from '../../common/idempotency/idempotency-key';
import { WorkflowGateway } from '../../infrastructure/workflow.gateway';
import type { HistoryItemDto } from '../projects/dto/history.dto';
import { toProjectView } from '../projects/project-view.mapper';
import { toServiceRequestView } from '../service-requests/service-request-view.mapper';
import type { StepOutcomeDto } from './dto/step-outcome.dto';

function historyItem(e: StoredAuditEvent): HistoryItemDto {
  return {
    seq: e.seq,
    occurredAt: new Date(e.at).toISOString(),
    actorId: e.actor.userId,
    actorRole: e.actor.role,
    action: e.action,
    payload: e.payload,
    stageBefore: e.stageBefore,
    stageAfter: e.stageAfter,
    workflowId: e.workflowId,
    runId: e.runId,
  };
}

/**
 * The outcome of an uncertain step (503, lost connection): first the audit log (a step is
 * answered 2xx only once it is there, and the log outlives continue-as-new), then what the
 * workflow's current run knows of the update id. A key is the caller's own: two users' keys
 * never see each other's steps.
 */
@Injectable()
export class StepOutcomesService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly workflows: WorkflowGateway,
  ) {}

  async ofProjectStep(projectId: string, caller: AuthenticatedUser, key: string): Promise<StepOutcomeDto> {
    const subject = await findProjectSubject(this.db, projectId);
    if (!subject) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`项目 ${projectId} 不存在`, `project ${projectId} not found`));
    return this.outcome(subject.workflowId, caller, key, async () => {
      const now = await findProjectSubject(this.db, projectId);
      return { project: toProjectView({ state: now!.state, workflowId: now!.workflowId, runId: now!.runId ?? '', updatedAt: now!.updatedAt }), serviceRequest: null };
    });
  }

  async ofServiceRequestStep(requestId: string, caller: AuthenticatedUser, key: string): Promise<StepOutcomeDto> {
    const subject = await findServiceRequestSubject(this.db, requestId);
    if (!subject) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`服务请求 ${requestId} 不存在`, `service request ${requestId} not found`));
    return this.outcome(subject.workflowId, caller, key, async () => {
      const now = await findServiceRequestSubject(this.db, requestId);
      return { project: null, serviceRequest: toServiceRequestView({ state: now!.state, workflowId: now!.workflowId, updatedAt: now!.updatedAt }) };
    });
  }

  private async outcome(
    workflowId: string,
    caller: AuthenticatedUser,
    idempotencyKey: string,
    current: () => Promise<Pick<StepOutcomeDto, 'project' | 'serviceRequest'>>,
  ): Promise<StepOutcomeDto> {
    const updateId = updateIdFromIdempotencyKey(caller.id, idempotencyKey);
    const none = { idempotencyKey, event: null, refusal: null, project: null, serviceRequest: null };
    const recorded = await auditEventOfUpdate(this.db, workflowId, updateId);
    if (recorded) return { ...none, status: 'applied', event: historyItem(recorded), ...(await current()) };

    const known = await this.workflows.updateOutcome(workflowId, updateId);
    switch (known.stage) {
      case 'pending':
        return { ...none, status: 'pending' };
      case 'rejected':
        return { ...none, status: 'not_applied', refusal: known.error ? { code: known.error.code, message: known.error.message } : { code: 'REFUSED', message: 'the workflow refused the step' } };
      case 'completed': {
        // A completed step's events are written by updateOutcome (answer-on-commit) if no one had yet;
        // one that changed nothing recorded (raising a service request records in the request's own
        // stream) is applied too.
        const late = await auditEventOfUpdate(this.db, workflowId, updateId);
        return { ...none, status: 'applied', event: late ? historyItem(late) : null, ...(await current()) };
      }
      case 'unknown':
        return { ...none, status: 'not_applied' };
    }
  }
}
