import {
  can,
  clockPauseVerdict,
  commissionerAssignmentVerdict,
  constructionStepVerdict,
  FIRST_TAX_STAGES,
  FUNDS_STAGES,
  ownerStepVerdict,
  PROJECT_CLOCK_SLOTS,
  TERMINAL_STAGES,
  VISIT_HEAD_ROLES,
  type MilestoneKind,
  type Permission,
  type Stage,
} from '@zs/domain';
import type { paths } from '../api/schema';

/** The API routes that take a POST below a project: a route the API does not serve fails the type check. */
export type ProjectStepRoute = {
  [P in keyof paths]: P extends `/projects/{id}/${string}` ? (paths[P]['post'] extends undefined ? never : P) : never;
}[keyof paths];

/**
 * The console's copy of the project step catalogue (libs/contracts/src/steps/project-steps.ts):
 * only the route and the permission of each step. The console may not import @zs/contracts (it
 * carries the Temporal update definitions), so this is mirrored; the routes are checked against
 * the generated client's types, the permissions against the domain's table.
 */
export const PROJECT_STEP_ROUTES = {
  decideIntake: { route: '/projects/{id}/intake-decision', permission: 'intake.decide' },
  provideIntakeInfo: { route: '/projects/{id}/intake-info', permission: 'intake.provide_info' },
  recordNegotiationContact: { route: '/projects/{id}/negotiation-contacts', permission: 'negotiation.record_contact' },
  concludeNegotiation: { route: '/projects/{id}/negotiation-outcome', permission: 'negotiation.conclude' },
  signContract: { route: '/projects/{id}/contract', permission: 'signing.record_contract' },
  assignCommissioner: { route: '/projects/{id}/commissioner', permission: 'handover.assign_commissioner' },
  establishMilestonePlan: { route: '/projects/{id}/milestone-plan', permission: 'construction.manage_plan' },
  completeMilestone: { route: '/projects/{id}/milestones/{kind}/complete', permission: 'construction.complete_milestone' },
  logConstructionProgress: { route: '/projects/{id}/progress', permission: 'construction.log_progress' },
  rebaselinePlan: { route: '/projects/{id}/milestone-plan/rebaseline', permission: 'construction.manage_plan' },
  recordProduction: { route: '/projects/{id}/production', permission: 'construction.record_production' },
  recordFulfilmentCheck: { route: '/projects/{id}/fulfilment-checks', permission: 'fulfilment.check' },
  completeProject: { route: '/projects/{id}/completion', permission: 'project.close' },
  terminateContract: { route: '/projects/{id}/termination', permission: 'project.close' },
  pauseProjectClock: { route: '/projects/{id}/clocks/{clock}/pause', permission: 'sla.pause_clock' },
  resumeProjectClock: { route: '/projects/{id}/clocks/{clock}/resume', permission: 'sla.pause_clock' },
  reassignOwnership: { route: '/projects/{id}/ownership', permission: 'project.reassign' },
  recordFundsInPlace: { route: '/projects/{id}/funds', permission: 'funds.record' },
  recordVisit: { route: '/projects/{id}/visits', permission: 'project.record_visit' },
  recordFirstTax: { route: '/projects/{id}/first-tax', permission: 'fulfilment.check' },
  raiseServiceRequest: { route: '/projects/{id}/service-requests', permission: 'service.raise' },
} as const satisfies Record<string, { route: ProjectStepRoute; permission: Permission }>;

export type ProjectStepId = keyof typeof PROJECT_STEP_ROUTES;

/** What of a project the availability rule reads (GET /projects/:id answers all of it). */
export interface StepProject {
  stage: Stage;
  registeredBy: { userId: string };
  intake: { infoRequests: readonly { providedAt: string | null }[] };
  handover: { commissioner: { userId: string } | null } | null;
  construction: { nodes: readonly { kind: MilestoneKind; completedOn: string | null }[] } | null;
  fulfilment: { checks: readonly { fulfilled: boolean }[] } | null;
  clocks: readonly { clock: string; paused: boolean; stoppedAt: string | null }[];
  ownership: { reporter: { userId: string }; owner: { userId: string } | null } | null;
  firstTax: object | null;
}

/** Who asks: the signed-in user. */
export interface StepUser {
  id: string;
  role: string;
}

/** One step the user may take now; `param` names it in the page's address (?step=…). */
export interface AvailableStep {
  id: ProjectStepId;
  param: string;
  /** The node, for completeMilestone. */
  kind?: MilestoneKind;
  /** The clock, for pause/resume. */
  clock?: string;
}

/** The route below the project with its parameters filled: `milestones/land_handover/complete`. */
export function stepParam(id: ProjectStepId, params: { kind?: string; clock?: string } = {}): string {
  return PROJECT_STEP_ROUTES[id].route
    .slice('/projects/{id}/'.length)
    .replace('{kind}', params.kind ?? '')
    .replace('{clock}', params.clock ?? '');
}

const SIGNED_STAGES: readonly Stage[] = ['construction', 'production', 'service'];
const PROJECT_CLOCKS: readonly string[] = PROJECT_CLOCK_SLOTS.map((s) => s.name);

/**
 * The steps this user may take on this project now: the project's stage (and what it still
 * waits for) says which steps exist, the role table (`can`) and the per-person rules of
 * libs/domain (owner, commissioner, clock owner) say whether this user may take them. The same
 * rules the workflow's validators apply, so a form shown is a form that can succeed; the
 * workflow stays the authority (a 409 or 403 still comes back if the project moved meanwhile).
 * In order of what the project waits for first.
 */
export function availableSteps(project: StepProject, user: StepUser): AvailableStep[] {
  const steps: AvailableStep[] = [];
  const actor = { userId: user.id, role: user.role };
  const infoRequestOpen = project.intake.infoRequests.some((r) => r.providedAt === null);
  const facts = { ownerUserId: project.registeredBy.userId, commissionerUserId: project.handover?.commissioner?.userId ?? null };
  const add = (id: ProjectStepId, allowed: boolean, extra: { kind?: MilestoneKind; clock?: string } = {}) => {
    if (allowed && can(user.role, PROJECT_STEP_ROUTES[id].permission)) steps.push({ id, param: stepParam(id, extra), ...extra });
  };
  const owner = ownerStepVerdict(actor, facts).allowed;
  const builder = constructionStepVerdict(actor, facts).allowed;
  const stage = project.stage;

  switch (stage) {
    case 'intake':
      add('decideIntake', true);
      add('provideIntakeInfo', infoRequestOpen && owner);
      break;
    case 'negotiation':
      add('recordNegotiationContact', owner);
      add('concludeNegotiation', owner);
      break;
    case 'signing':
      add('signContract', owner);
      break;
    case 'construction': {
      add('assignCommissioner', project.handover !== null && commissionerAssignmentVerdict(actor, facts).allowed);
      const plan = project.construction;
      if (!plan) {
        add('establishMilestonePlan', builder);
        break;
      }
      const open = plan.nodes.filter((n) => n.kind !== 'production' && n.completedOn === null);
      for (const node of open) add('completeMilestone', builder, { kind: node.kind });
      const production = plan.nodes.find((n) => n.kind === 'production');
      add('recordProduction', builder && open.length === 0 && production?.completedOn === null);
      add('logConstructionProgress', builder);
      add('rebaselinePlan', builder && plan.nodes.some((n) => n.completedOn === null));
      break;
    }
    case 'service':
      add('recordFulfilmentCheck', true);
      add('completeProject', project.fulfilment?.checks.at(-1)?.fulfilled === true);
      // 企业点单: a firm's request, any time after production (the steps of each request are in its tab).
      add('raiseServiceRequest', true);
      break;
    default:
      break;
  }
  add('recordFirstTax', FIRST_TAX_STAGES.includes(stage) && project.firstTax === null);
  add('recordFundsInPlace', FUNDS_STAGES.includes(stage));

  for (const clock of project.clocks) {
    if (clock.stoppedAt !== null || !PROJECT_CLOCKS.includes(clock.clock)) continue;
    const action = clock.paused ? 'resume' : 'pause';
    const verdict = clockPauseVerdict(actor, { clock: clock.clock, action, infoRequestOpen });
    add(action === 'pause' ? 'pauseProjectClock' : 'resumeProjectClock', verdict.allowed, { clock: clock.clock });
  }

  const open = !TERMINAL_STAGES.includes(stage);
  add('recordVisit', open && mayRecordVisit(project, user));
  add('reassignOwnership', open);
  add('terminateContract', SIGNED_STAGES.includes(stage));
  return steps;
}

/**
 * The visit rule (libs/domain visit-transitions authorizeVisit) as far as the console knows the
 * user: the heads, the owner, the reporter. Members of the reporting department may also record a
 * visit, but the session does not carry the user's department, so they are not offered the form.
 */
function mayRecordVisit(project: StepProject, user: StepUser): boolean {
  if (VISIT_HEAD_ROLES.includes(user.role)) return true;
  const reporter = project.ownership?.reporter.userId ?? project.registeredBy.userId;
  const ownerId = project.ownership?.owner?.userId ?? reporter;
  return user.id === ownerId || user.id === reporter;
}

/** The available step an address's ?step=… names, if the user may take it now. */
export function stepForParam(steps: readonly AvailableStep[], param: string | null): AvailableStep | null {
  return param ? (steps.find((s) => s.param === param) ?? null) : null;
}
