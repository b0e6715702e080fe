import { fireIntakeThreshold, INTAKE_DECISION_POLICY } from '@zs/domain';
import { runSlaClock, slaAlert, type ClockDeps } from './sla-clock-runner';

/** The 48-hour intake clock: open while the project waits for the task force's decision. */
export function runIntakeClock(deps: ClockDeps): () => Promise<void> {
  return runSlaClock(deps, {
    alert: (s, threshold) => slaAlert(s, INTAKE_DECISION_POLICY, threshold),
    policy: INTAKE_DECISION_POLICY,
    clockOf: (s) => s.intake.clock,
    isOpen: (s) => s.stage === 'intake',
    fire: fireIntakeThreshold,
  });
}
