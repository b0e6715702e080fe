import { condition } from '@temporalio/workflow';
import type { NotificationRequest } from '@zs/contracts';
import {
  activeElapsedMs,
  CLOCK_LABELS,
  fireIntakeThreshold,
  INTAKE_DECISION_POLICY,
  ROLE_LABELS,
  SYSTEM_ACTOR,
  thresholdsOf,
  type ProjectState,
  type Threshold,
  type Transition,
} from '@zs/domain';

interface IntakeClockDeps {
  getState(): ProjectState;
  apply(t: Transition): Promise<void>;
  notify(request: NotificationRequest): Promise<void>;
}

function alertFor(state: ProjectState, threshold: Threshold): NotificationRequest {
  const clockLabel = CLOCK_LABELS.intake_decision;
  const company = state.lead.companyName;
  const title =
    threshold.kind === 'warning'
      ? `【预警】${company} ${clockLabel}即将超时`
      : `【${threshold.level}级督办】${company} ${clockLabel}已超时`;
  return {
    dedupeKey: `${state.projectId}:intake_decision:${threshold.key}:${threshold.notify}`,
    projectId: state.projectId,
    kind: threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated',
    level: threshold.level,
    recipientRole: threshold.notify,
    title,
    body: `${title}。接收人：${ROLE_LABELS[threshold.notify]}。`,
    data: { clock: 'intake_decision', threshold: threshold.key, stage: state.stage },
  };
}

/**
 * The 48-hour intake clock: sleeps until the next threshold of active (unpaused) time,
 * fires it once, and re-plans whenever the clock is paused, resumed or stopped.
 */
export function runIntakeClock(deps: IntakeClockDeps): () => Promise<void> {
  const thresholds = thresholdsOf(INTAKE_DECISION_POLICY);
  const inIntake = () => deps.getState().stage === 'intake';

  return async function run(): Promise<void> {
    while (inIntake()) {
      const clock = deps.getState().intake.clock;
      if (clock.pausedAt !== null) {
        await condition(() => !inIntake() || deps.getState().intake.clock.pausedAt === null);
        continue;
      }
      const pending = thresholds.find((t) => !clock.fired.includes(t.key));
      if (!pending) {
        await condition(() => !inIntake());
        return;
      }
      const waitMs = pending.atElapsedMs - activeElapsedMs(clock, Date.now());
      if (waitMs > 0) {
        const changed = await condition(() => !inIntake() || deps.getState().intake.clock !== clock, waitMs);
        if (changed) continue;
      }
      const state = deps.getState();
      await deps.apply(fireIntakeThreshold(state, pending, SYSTEM_ACTOR, Date.now()));
      await deps.notify(alertFor(state, pending));
    }
  };
}
