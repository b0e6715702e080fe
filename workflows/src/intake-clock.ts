import { fireIntakeThreshold, INTAKE_DECISION_POLICY, projectClockSlot, recalculateProjectClock } from '@zs/domain';
import { runSlaClock, slaAlert, type ClockDeps } from './sla-clock-runner';

const slot = projectClockSlot('intake_decision');

/** The 48-hour intake clock: open while the project waits for the task force's decision. */
export function runIntakeClock(deps: ClockDeps): () => Promise<void> {
  return runSlaClock(deps, {
    slot,
    builtInPolicy: INTAKE_DECISION_POLICY,
    recalculate: (s, plan, request, now) => recalculateProjectClock(s, slot, plan, request, now),
    fire: fireIntakeThreshold,
    alert: (s, threshold) => slaAlert(s, 'intake_decision', threshold),
  });
}
