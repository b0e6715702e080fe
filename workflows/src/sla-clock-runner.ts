import { condition, patched } from '@temporalio/workflow';
import type { NotificationRequest } from '@zs/contracts';
import {
  activeElapsedMs,
  builtInPlan,
  CLOCK_LABELS,
  ROLE_LABELS,
  SYSTEM_ACTOR,
  type AuditActor,
  type ClockName,
  type ClockPlan,
  type ClockSlot,
  type ProjectState,
  type RecalculationRequest,
  type SlaPolicy,
  type Threshold,
  type Transition,
} from '@zs/domain';
import { sla } from './clock-planner';
import { PATCHES } from './patches';

export interface ClockDeps<S = ProjectState, T = Transition> {
  getState(): S;
  apply(t: T): Promise<void>;
  notify(request: NotificationRequest): Promise<void>;
  /** Recalculation requests this workflow has received, in arrival order (the run keeps them). */
  recalculations(): readonly RecalculationRequest[];
}

export interface SlaClockSpec<S = ProjectState, T = Transition> {
  slot: ClockSlot<S>;
  /** What a clock started before policies were data runs by (it has no plan of its own). */
  builtInPolicy: SlaPolicy;
  recalculate(state: S, plan: ClockPlan, request: RecalculationRequest, now: number): T;
  fire(state: S, threshold: Threshold, actor: AuditActor, now: number): T;
  /** The alert for a fired threshold (state as it was before firing). */
  alert(state: S, threshold: Threshold): NotificationRequest;
}

export function slaAlert(state: ProjectState, clock: ClockName, threshold: Threshold): NotificationRequest {
  const clockLabel = CLOCK_LABELS[clock];
  const company = state.lead.companyName;
  const title =
    threshold.kind === 'warning'
      ? `【预警】${company} ${clockLabel}即将超时`
      : `【${threshold.level}级督办】${company} ${clockLabel}已超时`;
  return {
    dedupeKey: `${state.projectId}:${clock}:${threshold.key}:${threshold.notify}`,
    projectId: state.projectId,
    kind: threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated',
    level: threshold.level,
    recipientRole: threshold.notify,
    ...(threshold.department ? { recipientDepartment: threshold.department } : {}),
    title,
    body: `${title}。接收人：${threshold.department ?? ''}${ROLE_LABELS[threshold.notify]}。`,
    data: { clock, threshold: threshold.key, stage: state.stage },
  };
}

/**
 * One SLA clock, planned when its step started (policy version from the database, deadline
 * on the working-day calendar; see clock-planner). The runner sleeps until the next threshold of active (unpaused) time, fires it once (audited, then alerted), and re-plans
 * whenever the clock is paused, resumed, stopped or asked to recalculate.
 */
export function runSlaClock<S, T>(deps: ClockDeps<S, T>, spec: SlaClockSpec<S, T>): () => Promise<void> {
  const builtIn = builtInPlan(spec.builtInPolicy);
  const open = () => spec.slot.isOpen(deps.getState());
  const clockNow = () => spec.slot.get(deps.getState());
  let handledRecalculations = 0;
  const recalculationArrived = () => deps.recalculations().length > handledRecalculations;
  const sameClock = (startedAt: number) => open() && clockNow()?.startedAt === startedAt;

  return async function run(): Promise<void> {
    // A request concerns the clocks open when it arrives (issue 8): a clock started later in the
    // run skips those already received. Code before that fix applied them to every later clock.
    if (patched(PATCHES.trustedRecord)) handledRecalculations = deps.recalculations().length;
    while (open()) {
      const clock = clockNow();
      if (!clock) return;

      if (recalculationArrived()) {
        const request = deps.recalculations()[handledRecalculations++];
        const current = clock.plan;
        if (current && current.policyKey !== 'built-in') {
          const version = request.scope === 'calendar' ? current.policyVersion : undefined;
          const plan = await sla.planSlaClock({ policyKey: current.policyKey, startedAt: clock.startedAt, version });
          if (sameClock(clock.startedAt)) await deps.apply(spec.recalculate(deps.getState(), plan, request, Date.now()));
        }
        continue;
      }

      // The wake-up conditions below are those of the first release plus recalculation (which
      // adds no command): replays of recorded histories depend on exactly when runners wake.
      if (clock.pausedAt !== null) {
        await condition(() => !open() || clockNow()?.pausedAt === null || recalculationArrived());
        continue;
      }
      const thresholds = (clock.plan ?? builtIn).thresholds;
      const pending = thresholds.find((t) => !clock.fired.includes(t.key));
      if (!pending) {
        await condition(() => !open() || recalculationArrived());
        continue;
      }
      const waitMs = pending.atElapsedMs - activeElapsedMs(clock, Date.now());
      if (waitMs > 0) {
        const changed = await condition(() => !open() || clockNow() !== clock || recalculationArrived(), waitMs);
        if (changed) continue;
      }
      const state = deps.getState();
      await deps.apply(spec.fire(state, pending, SYSTEM_ACTOR, Date.now()));
      await deps.notify(spec.alert(state, pending));
    }
  };
}
