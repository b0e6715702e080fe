import { Inject, Injectable } from '@nestjs/common';
import { PROJECT_STEPS, type ProjectSnapshot, type ProjectStepId, type StepDefinition, type StepUpdate } from '@zs/contracts';
import { ERROR_CODES, type NamedPerson, type ProjectState, type VersionedSlaPolicy } from '@zs/domain';
import type { Database } from '@zs/persistence';
import type { UpdateDefinition } from '@temporalio/common';
import { actorOf } from '../../common/auth/actor-of';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import type { StepHttp } from '../../common/http/step-routes';
import { updateIdFromIdempotencyKey, IDEMPOTENCY_REUSED } from '../../common/idempotency/idempotency-key';
import { IdempotencyKeysRepository } from '../../common/idempotency/idempotency-keys.repository';
import { requestHash } from '../../common/idempotency/request-hash';
import { stepKeyOf, withOutcomeHint } from '../../common/idempotency/uncertain-step';
import { DATABASE } from '../../infrastructure/database.provider';
import { WorkflowGateway } from '../../infrastructure/workflow.gateway';
import type { ProjectViewDto } from './dto/project-view.dto';
import { PROJECT_STEP_HTTP } from './project-step-http';
import { toProjectView } from './project-view.mapper';
import { ProjectsQueryService } from './projects-query.service';
import { NamedPeopleChecker } from './named-people.checker';
import { foreseenStepPolicies } from './foreseen-step-policies';

/**
 * Write side: a staff step is a Workflow Update, taken from the step catalogue. The workflow's
 * validator is the authority (role, stage, per-person rule, required text); its refusal comes back
 * as the matching 4xx.
 */
@Injectable()
export class ProjectStepsService {
  constructor(
    private readonly projects: ProjectsQueryService,
    private readonly workflows: WorkflowGateway,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly namedPeople: NamedPeopleChecker,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /** One catalogue step on a project: the body becomes its command (API half), then the update is sent. */
  runStep(
    stepId: ProjectStepId,
    projectId: string,
    caller: AuthenticatedUser,
    body: unknown,
    params: Record<string, string>,
    idempotencyKey?: string,
  ): Promise<ProjectViewDto> {
    const def = PROJECT_STEPS[stepId];
    const http = PROJECT_STEP_HTTP[stepId] as StepHttp<unknown>;
    const update = def.update as UpdateDefinition<ProjectSnapshot, [StepUpdate<unknown>]>;
    // Each catalogue entry has its own command type; the body was made into this step's command.
    const transition = def.transition as StepDefinition<ProjectState, unknown, ProjectSnapshot>['transition'];
    return this.run(projectId, caller, update, async () => http.toCommand(body, params, { db: this.db }), idempotencyKey, http.named, (state, command) =>
      foreseenStepPolicies(this.db, { transition }, state, command, actorOf(caller)),
    );
  }

  private async run<C>(
    projectId: string,
    caller: AuthenticatedUser,
    update: UpdateDefinition<ProjectSnapshot, [StepUpdate<C>]>,
    /** The command, made once the project is known (it may look people up). */
    commandOf: () => Promise<C>,
    idempotencyKey?: string,
    /** People the command names: checked to be active users of the right role before the update is sent. */
    namedOf: (command: C) => readonly NamedPerson[] = () => [],
    /** The cadence policies the step would start, sent with it (foreseen-step-policies.ts). */
    policiesOf: (state: ProjectState, command: C) => Promise<VersionedSlaPolicy[] | undefined> = async () => undefined,
  ): Promise<ProjectViewDto> {
    const key = stepKeyOf(idempotencyKey);
    // Wrapped whole: a database failure before the update is sent still answers with the key,
    // whose outcome route then says not_applied, so every 503 of a step reads the same way.
    return withOutcomeHint(
      (async () => {
        const project = await this.projects.require(projectId);
        const command = await commandOf();
        await this.namedPeople.require(namedOf(command));
        if (idempotencyKey) {
          const hash = requestHash({ update: update.name, command });
          if (!(await this.idempotencyKeys.claim(`step:${projectId}`, caller.id, idempotencyKey, hash))) {
            throw new ApiException(ERROR_CODES.IDEMPOTENCY_CONFLICT, IDEMPOTENCY_REUSED);
          }
        }
        const policies = await policiesOf(project.state, command);
        const snapshot = await this.workflows.step({
          workflowId: project.workflowId,
          update,
          actor: actorOf(caller),
          command,
          ...(policies ? { policies } : {}),
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
