import { condition } from '@temporalio/workflow';
import type { NotificationRequest } from '@zs/contracts';
import {
  activeElapsedMs,
  CLOCK_LABELS,
  ROLE_LABELS,
  SYSTEM_ACTOR,
  thresholdsOf,
  type AuditActor,
  type ProjectState,
  type SlaClock,
  type SlaPolicy,
  type Threshold,
  type Transition,
} from '@zs/domain';

export interface ClockDeps<S = ProjectState, T = Transition> {
  getState(): S;
  apply(t: T): Promise<void>;
  notify(request: NotificationRequest): Promise<void>;
}

export interface SlaClockSpec<S = ProjectState, T = Transition> {
  policy: SlaPolicy;
  /** The clock in the state; null when it does not exist (yet). */
  clockOf(state: S): SlaClock | null;
  /** Whether the step this clock waits for is still open (the runner ends when false). */
  isOpen(state: S): boolean;
  fire(state: S, threshold: Threshold, actor: AuditActor, now: number): T;
  /** The alert for a fired threshold (state as it was before firing). */
  alert(state: S, threshold: Threshold): NotificationRequest;
}

export function slaAlert(state: ProjectState, policy: SlaPolicy, threshold: Threshold): NotificationRequest {
  const clockLabel = CLOCK_LABELS[policy.clock];
  const company = state.lead.companyName;
  const title =
    threshold.kind === 'warning'
      ? `【预警】${company} ${clockLabel}即将超时`
      : `【${threshold.level}级督办】${company} ${clockLabel}已超时`;
  return {
    dedupeKey: `${state.projectId}:${policy.clock}:${threshold.key}:${threshold.notify}`,
    projectId: state.projectId,
    kind: threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated',
    level: threshold.level,
    recipientRole: threshold.notify,
    title,
    body: `${title}。接收人：${ROLE_LABELS[threshold.notify]}。`,
    data: { clock: policy.clock, threshold: threshold.key, stage: state.stage },
  };
}

/**
 * One SLA clock: sleeps until the next threshold of active (unpaused) time, fires it once
 * (audited, then alerted), and re-plans whenever the clock is paused, resumed or stopped.
 */
export function runSlaClock<S, T>(deps: ClockDeps<S, T>, spec: SlaClockSpec<S, T>): () => Promise<void> {
  const thresholds = thresholdsOf(spec.policy);
  const open = () => spec.isOpen(deps.getState());
  const clockNow = () => spec.clockOf(deps.getState());

  return async function run(): Promise<void> {
    while (open()) {
      const clock = clockNow();
      if (!clock) return;
      if (clock.pausedAt !== null) {
        await condition(() => !open() || clockNow()?.pausedAt === null);
        continue;
      }
      const pending = thresholds.find((t) => !clock.fired.includes(t.key));
      if (!pending) {
        await condition(() => !open());
        return;
      }
      const waitMs = pending.atElapsedMs - activeElapsedMs(clock, Date.now());
      if (waitMs > 0) {
        const changed = await condition(() => !open() || clockNow() !== clock, waitMs);
        if (changed) continue;
      }
      const state = deps.getState();
      await deps.apply(spec.fire(state, pending, SYSTEM_ACTOR, Date.now()));
      await deps.notify(spec.alert(state, pending));
    }
  };
}
