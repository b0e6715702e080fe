import { Injectable } from '@nestjs/common';
import {
  assignCommissionerUpdate,
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  establishMilestonePlanUpdate,
  logConstructionProgressUpdate,
  provideIntakeInfoUpdate,
  rebaselinePlanUpdate,
  recordNegotiationContactUpdate,
  recordProductionUpdate,
  recordFulfilmentCheckUpdate,
  completeProjectUpdate,
  terminateContractUpdate,
  signContractUpdate,
  pauseProjectClockUpdate,
  resumeProjectClockUpdate,
  type ProjectSnapshot,
  type StepUpdate,
} from '@zs/contracts';
import {
  ERROR_CODES,
  type AssignCommissionerCommand,
  type ClockPauseCommand,
  type CompleteMilestoneCommand,
  type CompleteProjectCommand,
  type RecordFulfilmentCheckCommand,
  type TerminateContractCommand,
  type ConcludeNegotiationCommand,
  type DecideIntakeCommand,
  type EstablishPlanCommand,
  type LogProgressCommand,
  type ProvideInfoCommand,
  type RebaselineCommand,
  type RecordContactCommand,
  type RecordProductionCommand,
  type SignContractCommand,
  type NamedPerson,
} from '@zs/domain';
import type { UpdateDefinition } from '@temporalio/common';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import { updateIdFromIdempotencyKey } from '../../common/idempotency/idempotency-key';
import { IdempotencyKeysRepository } from '../../common/idempotency/idempotency-keys.repository';
import { requestHash } from '../../common/idempotency/request-hash';
import { stepKeyOf, withOutcomeHint } from '../../common/idempotency/uncertain-step';
import { WorkflowGateway } from '../../infrastructure/workflow.gateway';
import type { ProjectViewDto } from './dto/project-view.dto';
import { toProjectView } from './project-view.mapper';
import { ProjectsQueryService } from './projects-query.service';
import { NamedPeopleChecker } from './named-people.checker';

/**
 * Write side: a staff step is a Workflow Update. The workflow's validator is the authority
 * (role, stage, required text); its refusal comes back as the matching 4xx.
 */
@Injectable()
export class ProjectStepsService {
  constructor(
    private readonly projects: ProjectsQueryService,
    private readonly workflows: WorkflowGateway,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly namedPeople: NamedPeopleChecker,
  ) {}

  decideIntake(projectId: string, caller: AuthenticatedUser, command: DecideIntakeCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, decideIntakeUpdate, command, idempotencyKey);
  }

  provideIntakeInfo(projectId: string, caller: AuthenticatedUser, command: ProvideInfoCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, provideIntakeInfoUpdate, command, idempotencyKey);
  }

  recordNegotiationContact(projectId: string, caller: AuthenticatedUser, command: RecordContactCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, recordNegotiationContactUpdate, command, idempotencyKey);
  }

  concludeNegotiation(projectId: string, caller: AuthenticatedUser, command: ConcludeNegotiationCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, concludeNegotiationUpdate, command, idempotencyKey);
  }

  signContract(projectId: string, caller: AuthenticatedUser, command: SignContractCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, signContractUpdate, command, idempotencyKey);
  }

  assignCommissioner(projectId: string, caller: AuthenticatedUser, command: AssignCommissionerCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    const named: NamedPerson[] = [{ field: 'commissionerUserId', userId: command.commissionerUserId, kind: 'commissioner' }];
    return this.run(projectId, caller, assignCommissionerUpdate, command, idempotencyKey, named);
  }

  establishMilestonePlan(projectId: string, caller: AuthenticatedUser, command: EstablishPlanCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    const named = command.nodes.map((n, i): NamedPerson => ({ field: `nodes[${i}].responsibleUserId`, userId: n.responsibleUserId, kind: 'responsible' }));
    return this.run(projectId, caller, establishMilestonePlanUpdate, command, idempotencyKey, named);
  }

  completeMilestone(projectId: string, caller: AuthenticatedUser, command: CompleteMilestoneCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, completeMilestoneUpdate, command, idempotencyKey);
  }

  logConstructionProgress(projectId: string, caller: AuthenticatedUser, command: LogProgressCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, logConstructionProgressUpdate, command, idempotencyKey);
  }

  rebaselinePlan(projectId: string, caller: AuthenticatedUser, command: RebaselineCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, rebaselinePlanUpdate, command, idempotencyKey);
  }

  recordProduction(projectId: string, caller: AuthenticatedUser, command: RecordProductionCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, recordProductionUpdate, command, idempotencyKey);
  }

  recordFulfilmentCheck(projectId: string, caller: AuthenticatedUser, command: RecordFulfilmentCheckCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, recordFulfilmentCheckUpdate, command, idempotencyKey);
  }

  completeProject(projectId: string, caller: AuthenticatedUser, command: CompleteProjectCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, completeProjectUpdate, command, idempotencyKey);
  }

  terminateContract(projectId: string, caller: AuthenticatedUser, command: TerminateContractCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, terminateContractUpdate, command, idempotencyKey);
  }

  pauseClock(projectId: string, caller: AuthenticatedUser, command: ClockPauseCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, pauseProjectClockUpdate, command, idempotencyKey);
  }

  resumeClock(projectId: string, caller: AuthenticatedUser, command: ClockPauseCommand, idempotencyKey?: string): Promise<ProjectViewDto> {
    return this.run(projectId, caller, resumeProjectClockUpdate, command, idempotencyKey);
  }

  private async run<C>(
    projectId: string,
    caller: AuthenticatedUser,
    update: UpdateDefinition<ProjectSnapshot, [StepUpdate<C>]>,
    command: C,
    idempotencyKey?: string,
    /** People the command names: checked to be active users of the right role before the update is sent. */
    named: readonly NamedPerson[] = [],
  ): Promise<ProjectViewDto> {
    const key = stepKeyOf(idempotencyKey);
    // Wrapped whole: a database failure before the update is sent still answers with the key,
    // whose outcome route then says not_applied, so every 503 of a step reads the same way.
    return withOutcomeHint(
      (async () => {
        const project = await this.projects.require(projectId);
        await this.namedPeople.require(named);
        if (idempotencyKey) {
          const hash = requestHash({ update: update.name, command });
          if (!(await this.idempotencyKeys.claim(`step:${projectId}`, caller.id, idempotencyKey, hash))) {
            throw new ApiException(ERROR_CODES.IDEMPOTENCY_CONFLICT, 'Idempotency-Key was used with a different request');
          }
        }
        const snapshot = await this.workflows.step({
          workflowId: project.workflowId,
          update,
          actor: { userId: caller.id, role: caller.role, displayName: caller.displayName },
          command,
          updateId: updateIdFromIdempotencyKey(caller.id, key),
          knownStage: project.state.stage,
        });
        return toProjectView({ state: snapshot.state, workflowId: project.workflowId, runId: project.runId });
      })(),
      key,
      `/projects/${projectId}/steps`,
    );
  }
}
