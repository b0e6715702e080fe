import { Injectable } from '@nestjs/common';
import type { ProjectWorkflowInput } from '@zs/contracts';
import { ERROR_CODES } from '@zs/domain';
import { randomUUID } from 'crypto';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import { projectIdFromIdempotencyKey } from '../../common/idempotency/idempotency-key';
import { requestHash } from '../../common/idempotency/request-hash';
import { WorkflowGateway } from '../../infrastructure/workflow.gateway';
import type { ProjectViewDto } from '../projects/dto/project-view.dto';
import { toProjectView } from '../projects/project-view.mapper';
import type { RegisterLeadDto } from './dto/register-lead.dto';
import { toLead } from './lead.mapper';

/**
 * Registers a lead by starting its project workflow and waiting until the registration is
 * persisted. With an Idempotency-Key a retry lands on the same workflow and gets the same
 * project back; the same key with another body is refused.
 */
@Injectable()
export class RegisterLeadService {
  constructor(private readonly workflows: WorkflowGateway) {}

  async execute(caller: AuthenticatedUser, body: RegisterLeadDto, idempotencyKey?: string): Promise<ProjectViewDto> {
    const lead = toLead(body);
    const hash = requestHash(lead);
    const input: ProjectWorkflowInput = {
      projectId: idempotencyKey ? projectIdFromIdempotencyKey(caller.id, idempotencyKey) : randomUUID(),
      lead,
      registeredBy: { userId: caller.id, role: caller.role, displayName: caller.displayName },
      requestHash: hash,
    };
    const { snapshot, workflowId } = await this.workflows.register(input).catch((err: unknown) => {
      // The workflow may already be started and register once a worker takes it: say which project to look for.
      if (err instanceof ApiException && err.code === ERROR_CODES.ENGINE_UNAVAILABLE) {
        throw new ApiException(
          ERROR_CODES.ENGINE_UNAVAILABLE,
          `${err.message}; the lead may still be registered as project ${input.projectId}: GET /projects/${input.projectId} shows it once it is（线索登记结果未确定，请稍后查询该项目）`,
          [{ field: 'projectId', message: input.projectId }],
          err,
        );
      }
      throw err;
    });
    if (snapshot.requestHash !== hash) {
      throw new ApiException(ERROR_CODES.IDEMPOTENCY_CONFLICT, 'Idempotency-Key was used with a different request');
    }
    return toProjectView({ state: snapshot.state, workflowId });
  }
}
