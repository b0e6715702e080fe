import { can, type Permission } from '../permissions';
import type { Role } from '../roles';
import { deadlineAt as clockDeadlineAt, remainingMs as clockRemainingMs, type SlaClock } from '../sla/sla-clock';
import type { Stage } from '../stages';
import { endOfShanghaiDay } from './calendar-dates';
import { MILESTONE_LABELS, type MilestoneKind, type MilestoneNode } from './construction-state';
import { nextFollowUpDueAt } from './negotiation-state';
import type { ProjectState } from './project-state';

/** The stable codes of what a project can be waiting for; a milestone carries its kind. */
export type PendingStep =
  | 'intake.decide'
  | 'intake.provide_info'
  | 'negotiation.follow_up'
  | 'signing.record_contract'
  | 'handover.assign_commissioner'
  | 'construction.plan'
  | `construction.milestone:${MilestoneKind}`
  | 'construction.record_production'
  | 'fulfilment.check';

/** Who is expected to act: a role, narrowed to one person when the step belongs to someone. */
export interface PendingTaskAssignee {
  role: Role;
  userId?: string;
}

/**
 * One thing a project (or, with its own step codes, a service request) is waiting for at one
 * instant, derived from its state: what the work queue shows.
 */
export interface PendingTask<S extends string = PendingStep> {
  projectId: string;
  companyName: string;
  stage: Stage;
  step: S;
  stepLabel: string;
  assignee: PendingTaskAssignee;
  /**
   * Epoch ms by which the step is due; null when it has none (no SLA, the firm's information
   * awaited). While its clock is paused, the remaining time from `now` (it moves with time).
   */
  deadlineAt: number | null;
  /** deadlineAt - now (negative once passed); null without a deadline. */
  remainingMs: number | null;
  /** The deadline has passed (remainingMs <= 0), as a clock's 'overdue' status counts it; or the owner is behind (a missed follow-up). */
  overdue: boolean;
}

/**
 * When a task is due, in terms that do not depend on the time it is read at (what the
 * pending_tasks read model stores, so the queue can be ordered and filtered in SQL).
 */
export interface TaskDue {
  /** A fixed instant (epoch ms): a running or stopped clock, a follow-up, a node's due day. */
  deadlineAt: number | null;
  /**
   * Set instead of deadlineAt while the step's clock is paused: the time it has left. Its deadline
   * is then always that much after `now` (deadlineAt(clock, now) moves), overdue only if <= 0.
   */
  pausedRemainingMs: number | null;
  /** Overdue whatever the deadline says: a missed follow-up leaves the owner behind until they make contact. */
  late: boolean;
}

/** A task as stored: everything about it but the figures of one instant (remainingMs, overdue). */
export interface PendingTaskRecord<S extends string = PendingStep> extends TaskDue {
  projectId: string;
  companyName: string;
  stage: Stage;
  step: S;
  stepLabel: string;
  assignee: PendingTaskAssignee;
}

const NO_DUE: TaskDue = { deadlineAt: null, pausedRemainingMs: null, late: false };

/** A fixed deadline (or none), optionally already late. */
export function fixedDue(deadlineAt: number | null, late = false): TaskDue {
  return { deadlineAt, pausedRemainingMs: null, late };
}

/**
 * A clock's due. deadlineAt(clock, now) reads `now` only during an open pause (the paused time
 * grows, so the deadline moves with it); otherwise it is fixed and any instant gives it.
 */
export function clockDue(clock: SlaClock): TaskDue {
  if (clock.pausedAt !== null && clock.stoppedAt === null) {
    return { deadlineAt: null, pausedRemainingMs: clockRemainingMs(clock, clock.pausedAt), late: false };
  }
  return fixedDue(clockDeadlineAt(clock, clock.startedAt));
}

/** The task as it stands at `now`. */
export function pendingTaskAt<S extends string>(record: PendingTaskRecord<S>, now: number): PendingTask<S> {
  const deadlineAt = record.pausedRemainingMs !== null ? now + record.pausedRemainingMs : record.deadlineAt;
  const remainingMs = deadlineAt === null ? null : deadlineAt - now;
  return {
    projectId: record.projectId,
    companyName: record.companyName,
    stage: record.stage,
    step: record.step,
    stepLabel: record.stepLabel,
    assignee: record.assignee,
    deadlineAt,
    remainingMs,
    overdue: record.late || (remainingMs !== null && remainingMs <= 0),
  };
}

export const PENDING_STEP_LABELS: Record<Exclude<PendingStep, `construction.milestone:${string}`>, string> = {
  'intake.decide': '48小时承接研判',
  'intake.provide_info': '补充研判所需信息',
  'negotiation.follow_up': '洽谈跟进',
  'fulfilment.check': '履约检查',
  'signing.record_contract': '录入签约合同',
  'handover.assign_commissioner': '指派项目专员',
  'construction.plan': '制定节点计划',
  'construction.record_production': '录入投产',
};

/**
 * When the lead's owner cannot take a step their own role is not allowed to take (a lead reported
 * by, say, the Project Service Bureau under 全民招商), the step goes to the Economic Cooperation
 * Bureau head, who may take every owner step and hands the project on.
 */
export const OWNER_FALLBACK_ROLE: Role = 'economic_cooperation_bureau_head';

/**
 * The owner's steps (information for the task force, follow-ups, the contract) go to the person who
 * registered the lead, under their own role, when that role may take the step; otherwise to
 * OWNER_FALLBACK_ROLE as a whole (no userId).
 */
function ownerAssignee(state: ProjectState, permission: Permission): PendingTaskAssignee {
  const owner = state.registeredBy;
  return can(owner.role, permission) ? { role: owner.role, userId: owner.userId } : { role: OWNER_FALLBACK_ROLE };
}

function milestoneStep(kind: MilestoneKind): PendingStep {
  return `construction.milestone:${kind}`;
}

/** The Chinese label of a step code (milestones read 完成节点：<node>). */
export function pendingStepLabel(step: PendingStep): string {
  if (step.startsWith('construction.milestone:')) {
    const kind = step.slice('construction.milestone:'.length) as MilestoneKind;
    return `完成节点：${MILESTONE_LABELS[kind]}`;
  }
  return PENDING_STEP_LABELS[step as keyof typeof PENDING_STEP_LABELS];
}

/**
 * What the project is waiting for at `now`, and from whom. Pure: pendingTaskRecords at `now`.
 *
 * - intake: the task force's decision against the 48-hour clock; while information is requested,
 *   the owner's answer instead (the clock is paused, so no deadline).
 * - negotiation: the owner's next follow-up, due one cadence after the last contact.
 * - signing: the contract, recorded by the owner (one task: the owner, not also the ECB head).
 * - construction: naming the commissioner against the 24-hour handover clock; laying out the plan;
 *   then each open node except production (due at the end of its due day, Asia/Shanghai), and once
 *   only production is left, recording production (the production node's person and due day).
 * - service: the periodic fulfilment check, owed by the Enterprise Service Bureau (service
 *   requests are child workflows with their own tasks: serviceRequestTasks);
 *   the terminal stages: nothing.
 */
export function pendingTasks(state: ProjectState, now: number): PendingTask[] {
  return pendingTaskRecords(state).map((record) => pendingTaskAt(record, now));
}

/**
 * The project's tasks in lifecycle order, independent of the time (see pendingTasks for what
 * each stage waits for): what the projection stores in pending_tasks with the read model.
 */
export function pendingTaskRecords(state: ProjectState): PendingTaskRecord[] {
  const tasks: PendingTaskRecord[] = [];
  const add = (step: PendingStep, assignee: PendingTaskAssignee, due: TaskDue): void => {
    tasks.push({
      projectId: state.projectId,
      companyName: state.lead.companyName,
      stage: state.stage,
      step,
      stepLabel: pendingStepLabel(step),
      assignee,
      ...due,
    });
  };

  switch (state.stage) {
    case 'intake': {
      const asked = state.intake.infoRequests.some((r) => r.providedAt === null);
      if (asked) add('intake.provide_info', ownerAssignee(state, 'intake.provide_info'), NO_DUE);
      else add('intake.decide', { role: 'intake_task_force' }, clockDue(state.intake.clock));
      break;
    }
    case 'negotiation': {
      // States recorded before negotiation existed carry none; their follow-ups are not tracked.
      if (state.negotiation) {
        // After a missed follow-up the next due date moves a cadence on, but the owner is still behind.
        const followUp = state.negotiation.followUp;
        add('negotiation.follow_up', ownerAssignee(state, 'negotiation.record_contact'), fixedDue(nextFollowUpDueAt(followUp), followUp.missedInRow > 0));
      }
      break;
    }
    case 'signing':
      add('signing.record_contract', ownerAssignee(state, 'signing.record_contract'), NO_DUE);
      break;
    case 'construction': {
      const handover = state.handover;
      if (handover && handover.commissioner === null) {
        add('handover.assign_commissioner', { role: 'project_service_bureau' }, clockDue(handover.clock));
      }
      const plan = state.construction;
      if (!plan) {
        add('construction.plan', { role: 'project_service_bureau' }, NO_DUE);
        break;
      }
      const open = plan.nodes.filter((n) => n.kind !== 'production' && n.completedOn === null);
      for (const node of open) add(milestoneStep(node.kind), nodeAssignee(node), fixedDue(endOfShanghaiDay(node.dueOn)));
      const production = plan.nodes.find((n) => n.kind === 'production');
      if (open.length === 0 && production && production.completedOn === null) {
        add('construction.record_production', nodeAssignee(production), fixedDue(endOfShanghaiDay(production.dueOn)));
      }
      break;
    }
    case 'service':
      if (state.fulfilment) add('fulfilment.check', { role: 'enterprise_service_bureau' }, fixedDue(state.fulfilment.nextCheckDueAt));
      break;
    default:
      break;
  }
  return tasks;
}

function nodeAssignee(node: MilestoneNode): PendingTaskAssignee {
  return { role: 'project_service_bureau', userId: node.responsible.userId };
}

/** A member of staff as the work queue sees them. */
export interface TaskViewer {
  userId: string;
  role: Role | string;
}

/**
 * Roles that see every task of their role, including those named to one of their people
 * (a bureau oversees its staff's nodes).
 */
export const TASK_SUPERVISING_ROLES: readonly Role[] = ['project_service_bureau'];

/**
 * The task is the viewer's: named to them, addressed to their role as a whole, or their bureau's.
 * (libs/persistence/src/tasks/pending-task-reads.ts says the same in SQL.)
 */
export function isTaskFor(task: Pick<PendingTask<string>, 'assignee'>, viewer: TaskViewer): boolean {
  const { role, userId } = task.assignee;
  if (userId !== undefined && userId === viewer.userId) return true;
  if (role !== viewer.role) return false;
  return userId === undefined || (TASK_SUPERVISING_ROLES as readonly string[]).includes(role);
}

/** Work-queue order: overdue first, then the nearest deadline (none last), then the project id. */
export function comparePendingTasks(a: PendingTask<string>, b: PendingTask<string>): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadlineAt !== b.deadlineAt) {
    if (a.deadlineAt === null) return 1;
    if (b.deadlineAt === null) return -1;
    return a.deadlineAt - b.deadlineAt;
  }
  return a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0;
}
