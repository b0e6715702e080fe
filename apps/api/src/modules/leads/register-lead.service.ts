import { Inject, Injectable } from '@nestjs/common';
import type { ProjectWorkflowInput } from '@zs/contracts';
import { DomainError, ERROR_CODES, normaliseCompanyName, type DuplicateConfirmation, type Lead, localized } from '@zs/domain';
import { findDuplicateCandidates, type Database } from '@zs/persistence';
import { randomUUID } from 'crypto';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException, fromDomainError } from '../../common/errors/api.exception';
import { IDEMPOTENCY_REUSED } from '../../common/idempotency/idempotency-key';
import { projectIdFromIdempotencyKey } from '../../common/idempotency/idempotency-key';
import { requestHash } from '../../common/idempotency/request-hash';
import { DATABASE } from '../../infrastructure/database.provider';
import { WorkflowGateway } from '../../infrastructure/workflow.gateway';
import type { ProjectViewDto } from '../projects/dto/project-view.dto';
import { toProjectView } from '../projects/project-view.mapper';
import type { RegisterLeadDto } from './dto/register-lead.dto';
import { duplicateSuspected } from './duplicate-warning';
import { LeadOwnershipResolver } from './lead-ownership.resolver';
import { toLead } from './lead.mapper';

/**
 * Registers a lead by starting its project workflow and waiting until the registration is
 * persisted. With an Idempotency-Key a retry lands on the same workflow and gets the same
 * project back; the same key with another body is refused. Before starting it: the chain must be
 * registered, the owner and campaign must exist (issue 10), and a lead that looks like a project
 * already registered (credit code, normalised or similar name) is refused with 409 naming it
 * unless the body confirms it with `confirmDuplicateOf` (recorded with the registration).
 */
@Injectable()
export class RegisterLeadService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ownership: LeadOwnershipResolver,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async execute(caller: AuthenticatedUser, body: RegisterLeadDto, idempotencyKey?: string): Promise<ProjectViewDto> {
    const lead = asBadRequest(() => toLead(body));
    await this.ownership.requireRegisteredChain(lead.industryChain);
    const ownership = await this.ownership.resolve(caller, body);
    const projectId = idempotencyKey ? projectIdFromIdempotencyKey(caller.id, idempotencyKey) : randomUUID();
    const duplicateConfirmation = await this.checkDuplicates(projectId, lead, body.confirmDuplicateOf);

    // A body with only the fields of before issue 10 hashes as it did, so a retry across the upgrade is not refused.
    const extras = { ownerUserId: body.ownerUserId, campaignId: body.campaignId, confirmDuplicateOf: body.confirmDuplicateOf };
    const hash = Object.values(extras).some((v) => v !== undefined) ? requestHash({ lead, ...extras }) : requestHash(lead);
    const input: ProjectWorkflowInput = {
      projectId,
      lead,
      registeredBy: { userId: caller.id, role: caller.role, displayName: caller.displayName, departmentId: caller.departmentId },
      requestHash: hash,
      ownership,
      ...(duplicateConfirmation ? { duplicateConfirmation } : {}),
    };
    const { snapshot, workflowId } = await this.workflows.register(input).catch((err: unknown) => {
      // The workflow may already be started and register once a worker takes it: say which project to look for.
      if (err instanceof ApiException && err.code === ERROR_CODES.ENGINE_UNAVAILABLE) {
        throw new ApiException(
          ERROR_CODES.ENGINE_UNAVAILABLE,
          localized(
            `${err.text.zh}；线索登记结果未确定，可能仍会登记为项目 ${input.projectId}，请稍后查询 GET /projects/${input.projectId}`,
            `${err.text.en}; the lead may still be registered as project ${input.projectId}: GET /projects/${input.projectId} shows it once it is`,
          ),
          [{ field: 'projectId', message: localized(input.projectId, input.projectId) }],
          err,
        );
      }
      throw err;
    });
    if (snapshot.requestHash !== hash) {
      throw new ApiException(ERROR_CODES.IDEMPOTENCY_CONFLICT, IDEMPOTENCY_REUSED);
    }
    return toProjectView({ state: snapshot.state, workflowId });
  }

  /** The confirmation to record, null when nothing looks alike; 409 when something does and the body does not confirm it. */
  private async checkDuplicates(projectId: string, lead: Lead, confirmDuplicateOf: string | undefined): Promise<DuplicateConfirmation | null> {
    const candidates = await findDuplicateCandidates(this.db, {
      normalizedName: normaliseCompanyName(lead.companyName),
      creditCode: lead.creditCode ?? null,
      excludeProjectId: projectId,
    });
    if (candidates.length === 0) return null;
    if (confirmDuplicateOf && candidates.some((c) => c.projectId === confirmDuplicateOf)) return { confirmedDuplicateOf: confirmDuplicateOf, candidates };
    throw duplicateSuspected(candidates);
  }
}

function asBadRequest<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof DomainError) throw fromDomainError(err);
    throw err;
  }
}
