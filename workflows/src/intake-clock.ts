import { fireIntakeThreshold, INTAKE_DECISION_POLICY } from '@zs/domain';
import { runSlaClock, type ClockDeps } from './sla-clock-runner';

/** The 48-hour intake clock: open while the project waits for the task force's decision. */
export function runIntakeClock(deps: ClockDeps): () => Promise<void> {
  return runSlaClock(deps, {
    policy: INTAKE_DECISION_POLICY,
    clockOf: (s) => s.intake.clock,
    isOpen: (s) => s.stage === 'intake',
    fire: fireIntakeThreshold,
  });
}
