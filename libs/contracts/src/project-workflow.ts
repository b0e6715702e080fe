import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, DuplicateConfirmation, ImportMark, ImportProjectRecord, Lead, Ownership, ProjectState, VersionedSlaPolicy } from '@zs/domain';
import { PROJECT_STEPS } from './steps/project-steps';
import type { AnsweredProjection } from './projection';

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
  /** Issue 10: reporter, owner and campaign, resolved by the API at registration (absent on runs started before). */
  ownership?: Ownership;
  /** Issue 10: staff confirmed the lead after a duplicate warning; recorded with the registration. */
  duplicateConfirmation?: DuplicateConfirmation;
  /**
   * Issue 10: the project comes from an existing portfolio; the first run records it at its
   * stage with its past (one `project.imported` event) instead of registering a lead. Only runs
   * started by POST /imports carry it.
   */
  imported?: ProjectImport;
  /** Set on continue-as-new: the whole state carried over into the next run. */
  resume?: ProjectState;
  /**
   * Set on continue-as-new: the update ids of steps applied in earlier runs (Temporal dedupes
   * update ids within one run only), so a step retried with its Idempotency-Key after
   * continue-as-new is recognised and answered, not applied again.
   */
  appliedUpdates?: AppliedUpdate[];
}

/** What an import hands the first run: the checked, resolved row and the mark (who, when, file, row). */
export interface ProjectImport {
  record: ImportProjectRecord;
  mark: ImportMark;
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
  /**
   * The policies in force when the API sent the step, for the cadences it foresaw the step
   * starting (issue 12). When they cover every cadence the step starts, the workflow takes them
   * (recorded in history with the update) instead of reading them in a local activity; otherwise
   * it reads them as before. Absent from steps that start none.
   */
  policies?: VersionedSlaPolicy[];
}

export interface ProjectSnapshot {
  state: ProjectState;
  requestHash: string;
  /**
   * Only in the answer of a step or registration applied under answer-on-commit: the events the
   * API writes before it answers (projection.ts). Never in a query's answer.
   */
  projection?: AnsweredProjection;
}

/** Resolves once the registration is persisted; used with update-with-start by POST /leads. */
export const registrationUpdate = defineUpdate<ProjectSnapshot, []>('awaitRegistration');
// The step updates are defined once, in the step catalogue (steps/project-steps.ts); these names stay for their importers.
export const decideIntakeUpdate = PROJECT_STEPS.decideIntake.update;
export const provideIntakeInfoUpdate = PROJECT_STEPS.provideIntakeInfo.update;
export const recordNegotiationContactUpdate = PROJECT_STEPS.recordNegotiationContact.update;
export const concludeNegotiationUpdate = PROJECT_STEPS.concludeNegotiation.update;
export const signContractUpdate = PROJECT_STEPS.signContract.update;
export const assignCommissionerUpdate = PROJECT_STEPS.assignCommissioner.update;
export const establishMilestonePlanUpdate = PROJECT_STEPS.establishMilestonePlan.update;
export const completeMilestoneUpdate = PROJECT_STEPS.completeMilestone.update;
export const logConstructionProgressUpdate = PROJECT_STEPS.logConstructionProgress.update;
export const rebaselinePlanUpdate = PROJECT_STEPS.rebaselinePlan.update;
export const recordProductionUpdate = PROJECT_STEPS.recordProduction.update;
export const recordFulfilmentCheckUpdate = PROJECT_STEPS.recordFulfilmentCheck.update;
export const completeProjectUpdate = PROJECT_STEPS.completeProject.update;
export const terminateContractUpdate = PROJECT_STEPS.terminateContract.update;
export const projectStateQuery = defineQuery<ProjectSnapshot>('projectState');
