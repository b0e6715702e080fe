import { COMMISSIONER_ASSIGNMENT_POLICY, fireCommissionerThreshold } from '@zs/domain';
import { runSlaClock, slaAlert, type ClockDeps } from './sla-clock-runner';

/** After signing: open until the Project Service Bureau assigns a commissioner, or construction ends (the ESB takes over). */
export function runCommissionerClock(deps: ClockDeps): () => Promise<void> {
  return runSlaClock(deps, {
    alert: (s, threshold) => slaAlert(s, COMMISSIONER_ASSIGNMENT_POLICY, threshold),
    policy: COMMISSIONER_ASSIGNMENT_POLICY,
    clockOf: (s) => s.handover?.clock ?? null,
    isOpen: (s) => !!s.handover && s.handover.commissioner === null && s.stage === 'construction',
    fire: fireCommissionerThreshold,
  });
}
