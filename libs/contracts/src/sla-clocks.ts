import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ClockPauseCommand, ClockPlan, PolicyKey, RecalculationRequest, ServiceRequestState, VersionedSlaPolicy } from '@zs/domain';
import type { ProjectSnapshot, StepUpdate } from './project-workflow';

/** 暂停/恢复计时 on a project's own clocks (intake decision, commissioner assignment). */
export const pauseProjectClockUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<ClockPauseCommand>]>('pauseProjectClock');
export const resumeProjectClockUpdate = defineUpdate<ProjectSnapshot, [StepUpdate<ClockPauseCommand>]>('resumeProjectClock');
/** The same on a service request's clocks (accept, resolve). */
export const pauseServiceClockUpdate = defineUpdate<ServiceRequestState, [StepUpdate<ClockPauseCommand>]>('pauseServiceClock');
export const resumeServiceClockUpdate = defineUpdate<ServiceRequestState, [StepUpdate<ClockPauseCommand>]>('resumeServiceClock');

/**
 * An administrator asks running clocks to adopt the latest policy version ('policy') or the
 * current calendar ('calendar'). A signal: it is sent to every open workflow, none of which
 * has to answer; each open clock records one `sla.recalculated` audit event per request id.
 */
export const recalculateSlaSignal = defineSignal<[RecalculationRequest]>('recalculateSla');

export interface PlanSlaClockInput {
  policyKey: PolicyKey;
  startedAt: number;
  /** Omit for the latest version (a new clock); set to keep a running clock's version under a new calendar. */
  version?: number;
}

/** Activities of the SLA engine: plans come from the database and the calendar, never from workflow code. */
export interface SlaActivities {
  planSlaClock(input: PlanSlaClockInput): Promise<ClockPlan>;
  /** The latest version of each policy, in the order asked: what a cadence (follow-up, milestone ladder, fulfilment check) starting now runs by. */
  resolveSlaPolicies(keys: PolicyKey[]): Promise<VersionedSlaPolicy[]>;
}

