import type { ProjectState } from '../project/project-state';
import type { ServiceRequestState } from '../service/service-request-state';
import type { ClockPauseCommand } from '../sla/clock-operations';
import {
  clockPauseVerdict,
  commissionerAssignmentVerdict,
  constructionStepVerdict,
  enforceRule,
  ownerStepVerdict,
  type ProjectRuleFacts,
  type RuleActor,
} from './step-rules';

/** The facts of a project's state the step rules read. */
export function projectRuleFacts(state: ProjectState): ProjectRuleFacts {
  return {
    ownerUserId: state.registeredBy.userId,
    commissionerUserId: state.handover?.commissioner?.userId ?? null,
    infoRequestOpen: state.intake.infoRequests.some((r) => r.providedAt === null),
  };
}

/** Each guarded step's rule applied to a workflow's state; throws FORBIDDEN_NOT_OWNER. Validators only. */
export const authorizeOwnerStep = (state: ProjectState, _command: unknown, actor: RuleActor): void =>
  enforceRule(ownerStepVerdict(actor, projectRuleFacts(state)));

export const authorizeConstructionStep = (state: ProjectState, _command: unknown, actor: RuleActor): void =>
  enforceRule(constructionStepVerdict(actor, projectRuleFacts(state)));

export const authorizeCommissionerAssignment = (state: ProjectState, _command: unknown, actor: RuleActor): void =>
  enforceRule(commissionerAssignmentVerdict(actor, projectRuleFacts(state)));

export const authorizeProjectClock =
  (action: 'pause' | 'resume') =>
  (state: ProjectState, command: ClockPauseCommand, actor: RuleActor): void =>
    enforceRule(clockPauseVerdict(actor, { clock: command?.clock, action, infoRequestOpen: projectRuleFacts(state).infoRequestOpen }));

export const authorizeServiceClock =
  (action: 'pause' | 'resume') =>
  (_state: ServiceRequestState, command: ClockPauseCommand, actor: RuleActor): void =>
    enforceRule(clockPauseVerdict(actor, { clock: command?.clock, action }));
