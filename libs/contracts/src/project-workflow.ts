import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  AssignCommissionerCommand,
  CompleteMilestoneCommand,
  CompleteProjectCommand,
  RecordFulfilmentCheckCommand,
  TerminateContractCommand,
  EstablishPlanCommand,
  LogProgressCommand,
  RebaselineCommand,
  RecordProductionCommand,
  ConcludeNegotiationCommand,
  DecideIntakeCommand,
  Lead,
  ProjectState,
  ProvideInfoCommand,
  RecordContactCommand,
  SignContractCommand,
} from '@zs/domain';

export const PROJECT_WORKFLOW_TYPE = 'projectLifecycleWorkflow';

export function projectWorkflowId(projectId: string): string {
  return `project-${projectId}`;
}

export interface ProjectWorkflowInput {
  projectId: string;
  lead: Lead;
  registeredBy: Actor;
  /** Hash of the registration request, so a reused Idempotency-Key with another body is refused. */
  requestHash: string;
  /** Set on continue-as-new: the whole state carried over into the next run. */
  resume?: ProjectState;
  /**
   * Set on continue-as-new: the update ids of steps applied in earlier runs (Temporal dedupes
   * update ids within one run only), so a step retried with its Idempotency-Key after
   * continue-as-new is recognised and answered, not applied again.
   */
  appliedUpdates?: AppliedUpdate[];
}

/** A step applied in an earlier run; `answer` only where the state cannot give it again (a raised request's ids). */
export interface AppliedUpdate {
  id: string;
  answer?: unknown;
}

/** Every step update carries who acts; the API takes it from the verified token only. */
export interface StepUpdate<C> {
  actor: Actor;
  command: C;
}

export interface ProjectSnapshot {
  state: ProjectState;
  requestHash: string;
}

/** Resolves once the registration is persisted; used with update-with-start by POST /leads. */
export const registrationUpdate = defineUpdate<ProjectSnapshot, []>('awaitRegistration');
export const decideIntakeUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<DecideIntakeCommand>]>('decideIntake');
export const provideIntakeInfoUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<ProvideInfoCommand>]>('provideIntakeInfo');
export const recordNegotiationContactUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<RecordContactCommand>]>('recordNegotiationContact');
export const concludeNegotiationUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<ConcludeNegotiationCommand>]>('concludeNegotiation');
export const signContractUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<SignContractCommand>]>('signContract');
export const assignCommissionerUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<AssignCommissionerCommand>]>('assignCommissioner');
export const establishMilestonePlanUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<EstablishPlanCommand>]>('establishMilestonePlan');
export const completeMilestoneUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<CompleteMilestoneCommand>]>('completeMilestone');
export const logConstructionProgressUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<LogProgressCommand>]>('logConstructionProgress');
export const rebaselinePlanUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<RebaselineCommand>]>('rebaselinePlan');
export const recordProductionUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<RecordProductionCommand>]>('recordProduction');
export const recordFulfilmentCheckUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<RecordFulfilmentCheckCommand>]>('recordFulfilmentCheck');
export const completeProjectUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<CompleteProjectCommand>]>('completeProject');
export const terminateContractUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<TerminateContractCommand>]>('terminateContract');
export const projectStateQuery = defineQuery<ProjectSnapshot>('projectState');
