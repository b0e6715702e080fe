import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  raiseServiceRequestUpdate,
  SERVICE_REQUEST_STEPS,
  serviceRequestRegisteredUpdate,
  type ServiceRequestStepId,
  type StepUpdate,
} from '@zs/contracts';
import { ERROR_CODES, SERVICE_STATUS_LABELS, type RaiseServiceRequestCommand, type ServiceRequestState, localized } from '@zs/domain';
import type { Database } from '@zs/persistence';
import { actorOf } from '../../common/auth/actor-of';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { StepHttp } from '../../common/http/step-routes';
import { ApiException } from '../../common/errors/api.exception';
import { updateIdFromIdempotencyKey, IDEMPOTENCY_REUSED } from '../../common/idempotency/idempotency-key';
import { IdempotencyKeysRepository } from '../../common/idempotency/idempotency-keys.repository';
import { requestHash } from '../../common/idempotency/request-hash';
import { stepKeyOf, withOutcomeHint } from '../../common/idempotency/uncertain-step';
import { DATABASE } from '../../infrastructure/database.provider';
import { WorkflowGateway } from '../../infrastructure/workflow.gateway';
import type { ServiceRequestViewDto } from './dto/service-request-view.dto';
import { toServiceRequestView } from './service-request-view.mapper';
import { SERVICE_REQUEST_STEP_HTTP } from './service-request-step-http';
import { ServiceRequestsQueryService } from './service-requests-query.service';
import { registeredDepartmentName } from './registered-department';


/**
 * Write side of service requests. Raising one is an Update on the project workflow (which starts
 * the request's own workflow); every later step is an Update on the request's workflow. The
 * workflows' validators are the authority (role, status, text); refusals come back as 4xx.
 */
@Injectable()
export class ServiceRequestStepsService {
  constructor(
    private readonly requests: ServiceRequestsQueryService,
    private readonly workflows: WorkflowGateway,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /**
   * 企业点单. A keyed repeat returns the same request: the project workflow answers a repeated
   * update id with its first result. The key shares the project steps' scope, as it names an
   * update on the same workflow.
   */
  async raise(projectId: string, caller: AuthenticatedUser, command: RaiseServiceRequestCommand, idempotencyKey?: string): Promise<ServiceRequestViewDto> {
    const project = await this.requests.requireProject(projectId);
    // Dispatched only to a registered department, stored under its registered name (issue 10).
    command = { ...command, department: await registeredDepartmentName(this.db, 'department', command.department) };
    await this.claim(`step:${projectId}`, caller, raiseServiceRequestUpdate.name, command, idempotencyKey);
    const raised = await this.workflows.update(project.workflowId, raiseServiceRequestUpdate, [{ actor: actorOf(caller), command }], {
      updateId: idempotencyKey ? updateIdFromIdempotencyKey(caller.id, idempotencyKey) : undefined,
      errorContext: { stage: project.stage },
    });
    // Answers once the request's first event is in the read model, so a GET right after finds it.
    const state = await this.workflows.update(raised.workflowId, serviceRequestRegisteredUpdate, [], {
      errorContext: { finishedMessage: localized(`服务请求 ${raised.requestId} 已办结`, `service request ${raised.requestId} has already closed`) },
    });
    return toServiceRequestView({ state, workflowId: raised.workflowId });
  }

  /** One catalogue step on a request: the body becomes its command (API half), then the update is sent. */
  async runStep(
    stepId: ServiceRequestStepId,
    requestId: string,
    caller: AuthenticatedUser,
    body: unknown,
    params: Record<string, string>,
    idempotencyKey?: string,
  ): Promise<ServiceRequestViewDto> {
    const http = SERVICE_REQUEST_STEP_HTTP[stepId] as StepHttp<unknown>;
    const update = SERVICE_REQUEST_STEPS[stepId].update as UpdateDefinition<ServiceRequestState, [StepUpdate<unknown>]>;
    return this.run(requestId, caller, update, await http.toCommand(body, params, { db: this.db }), idempotencyKey);
  }

  private async run<C>(
    requestId: string,
    caller: AuthenticatedUser,
    update: UpdateDefinition<ServiceRequestState, [StepUpdate<C>]>,
    command: C,
    idempotencyKey?: string,
  ): Promise<ServiceRequestViewDto> {
    const key = stepKeyOf(idempotencyKey);
    // Wrapped whole: a database failure before the update is sent still answers with the key,
    // whose outcome route then says not_applied, so every 503 of a step reads the same way.
    return withOutcomeHint(
      (async () => {
        const row = await this.requests.require(requestId);
        await this.claim(`service:${requestId}`, caller, update.name, command, idempotencyKey);
        const state = await this.workflows.update(row.workflowId, update, [{ actor: actorOf(caller), command }], {
          updateId: updateIdFromIdempotencyKey(caller.id, key),
          // Its workflow ends once the request is closed: a later step is refused (409), not a 500.
          errorContext: {
            finishedMessage: localized(
              `服务请求 ${requestId} 已${SERVICE_STATUS_LABELS.closed}，不能再办理任何步骤`,
              `service request ${requestId} is closed (${SERVICE_STATUS_LABELS.closed}); no further steps are possible`,
            ),
          },
        });
        return toServiceRequestView({ state, workflowId: row.workflowId });
      })(),
      key,
      `/service-requests/${requestId}/steps`,
    );
  }

  /** Remembers the key's first request in `scope`; the same key with another request is refused (422). */
  private async claim(scope: string, caller: AuthenticatedUser, updateName: string, command: unknown, idempotencyKey?: string): Promise<void> {
    if (!idempotencyKey) return;
    const hash = requestHash({ update: updateName, command });
    if (!(await this.idempotencyKeys.claim(scope, caller.id, idempotencyKey, hash))) {
      throw new ApiException(ERROR_CODES.IDEMPOTENCY_CONFLICT, IDEMPOTENCY_REUSED);
    }
  }
}
