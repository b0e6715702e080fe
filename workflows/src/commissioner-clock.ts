import { COMMISSIONER_ASSIGNMENT_POLICY, fireCommissionerThreshold, projectClockSlot, recalculateProjectClock } from '@zs/domain';
import { runSlaClock, slaAlert, type ClockDeps } from './sla-clock-runner';

const slot = projectClockSlot('commissioner_assignment');

/** After signing: open until the Project Service Bureau assigns a commissioner, or construction ends (the ESB takes over). */
export function runCommissionerClock(deps: ClockDeps): () => Promise<void> {
  return runSlaClock(deps, {
    slot,
    builtInPolicy: COMMISSIONER_ASSIGNMENT_POLICY,
    recalculate: (s, plan, request, now) => recalculateProjectClock(s, slot, plan, request, now),
    fire: fireCommissionerThreshold,
    alert: (s, threshold) => slaAlert(s, 'commissioner_assignment', threshold),
  });
}
