import { ROLE_LABELS, type Role } from '../roles';
import type { ProjectState } from '../project/project-state';
import type { ServiceRequestState } from '../service/service-request-state';
import { PROJECT_CLOCK_SLOTS } from '../project/project-clocks';
import { SERVICE_CLOCK_SLOTS } from '../service/service-request-clocks';
import { activeElapsedMs, clockStatus, deadlineAt, pausedMsAt, type ClockStatus, type SlaClock } from './sla-clock';
import type { ClockName } from './sla-policy';

/**
 * The bureau that owns each project clock. Its name is the department staff see (and
 * users.department holds); a service request's clocks belong to the department it is with.
 */
export const PROJECT_CLOCK_OWNER: Partial<Record<ClockName, Role>> = {
  intake_decision: 'intake_task_force',
  commissioner_assignment: 'project_service_bureau',
};

/** One clock instance as the SLA read model stores it. */
export interface ClockRecord {
  id: string;
  projectId: string;
  requestId: string | null;
  companyName: string;
  subject: string;
  clock: ClockName;
  policyKey: string | null;
  policyVersion: number | null;
  department: string;
  stage: string;
  startedAt: number;
  deadlineAt: number;
  pausedAt: number | null;
  pausedMs: number;
  stoppedAt: number | null;
  status: ClockStatus;
  /** Set while the clock is past its deadline (or was when it stopped): the deadline as of this event. */
  breachedAt: number | null;
  fired: string[];
}

/** The deadline if the clock has used up its budget by `now`, else null. */
function breachedAt(c: SlaClock, now: number): number | null {
  return activeElapsedMs(c, now) >= c.budgetMs ? deadlineAt(c, now) : null;
}

/** What every record of a clock instance shares, whichever workflow owns it. */
function clockRecord(
  workflowId: string,
  name: ClockName,
  c: SlaClock,
  now: number,
  owner: Pick<ClockRecord, 'projectId' | 'requestId' | 'companyName' | 'subject' | 'department' | 'stage'>,
): ClockRecord {
  return {
    id: `${workflowId}:${name}:${c.startedAt}`,
    ...owner,
    clock: name,
    policyKey: c.plan?.policyKey ?? null,
    policyVersion: c.plan?.policyVersion ?? null,
    startedAt: c.startedAt,
    deadlineAt: deadlineAt(c, now),
    pausedAt: c.pausedAt,
    pausedMs: pausedMsAt(c, now),
    stoppedAt: c.stoppedAt,
    status: clockStatus(c, now),
    breachedAt: breachedAt(c, now),
    fired: c.fired,
  };
}

/**
 * The clocks an event changed, as of `now` (the event's time): open clocks, and clocks the
 * event itself stopped. A clock stopped by an earlier event was written then; skipping it keeps
 * each step to the rows it touched (a project's intake clock stays in its state for years).
 * A project clock whose step ended without stopping it (the stage moved on) closes with the
 * event that changed the stage.
 */
export function projectClockRecords(workflowId: string, state: ProjectState, now: number, stageChanged: boolean): ClockRecord[] {
  return PROJECT_CLOCK_SLOTS.flatMap((slot) => {
    const c = slot.get(state);
    if (!c) return [];
    const open = slot.isOpen(state) && c.stoppedAt === null;
    if (!open && !(c.stoppedAt === now || (c.stoppedAt === null && stageChanged))) return [];
    const record = clockRecord(workflowId, slot.name, c, now, {
      projectId: state.projectId,
      requestId: null,
      companyName: state.lead.companyName,
      subject: state.lead.companyName,
      department: ROLE_LABELS[PROJECT_CLOCK_OWNER[slot.name]!],
      stage: state.stage,
    });
    // Ended by the stage moving on: closed now, as met (nothing is left to wait for).
    return [slot.isOpen(state) || c.stoppedAt !== null ? record : { ...record, stoppedAt: now, status: 'met' as const }];
  });
}

export function serviceClockRecords(workflowId: string, state: ServiceRequestState, now: number): ClockRecord[] {
  return SERVICE_CLOCK_SLOTS.flatMap((slot) => {
    const c = slot.get(state);
    if (!c || (c.stoppedAt !== null && c.stoppedAt !== now)) return [];
    return [
      clockRecord(workflowId, slot.name, c, now, {
        projectId: state.projectId,
        requestId: state.requestId,
        companyName: state.companyName,
        subject: `${state.companyName}「${state.title}」`,
        department: state.department,
        stage: 'service',
      }),
    ];
  });
}
