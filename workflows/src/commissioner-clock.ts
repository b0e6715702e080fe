import { COMMISSIONER_ASSIGNMENT_POLICY, fireCommissionerThreshold, TERMINAL_STAGES } from '@zs/domain';
import { runSlaClock, type ClockDeps } from './sla-clock-runner';

/** After signing: open until the Project Service Bureau assigns a commissioner. */
export function runCommissionerClock(deps: ClockDeps): () => Promise<void> {
  return runSlaClock(deps, {
    policy: COMMISSIONER_ASSIGNMENT_POLICY,
    clockOf: (s) => s.handover?.clock ?? null,
    isOpen: (s) => !!s.handover && s.handover.commissioner === null && !TERMINAL_STAGES.includes(s.stage),
    fire: fireCommissionerThreshold,
  });
}
