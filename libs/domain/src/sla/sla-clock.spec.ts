import { activeElapsedMs, clockStatus, deadlineAt, pauseClock, remainingMs, resumeClock, startClock, stopClock, viewClock } from './sla-clock';
import { INTAKE_DECISION_POLICY, thresholdsOf } from './sla-policy';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);

describe('SLA clock maths', () => {
  const fresh = () => startClock('intake_decision', 48 * H, T0);

  it('runs, becomes overdue at the budget, and shows remaining time', () => {
    const c = fresh();
    expect(remainingMs(c, T0 + 47 * H)).toBe(H);
    expect(clockStatus(c, T0 + 48 * H - 1)).toBe('running');
    expect(clockStatus(c, T0 + 48 * H)).toBe('overdue');
    expect(deadlineAt(c, T0)).toBe(T0 + 48 * H);
  });

  it('moves the deadline by exactly the paused time, also while still paused', () => {
    const paused = pauseClock(fresh(), T0 + 1 * H);
    expect(clockStatus(paused, T0 + 5 * H)).toBe('paused');
    expect(deadlineAt(paused, T0 + 5 * H)).toBe(T0 + 52 * H);
    expect(activeElapsedMs(paused, T0 + 5 * H)).toBe(1 * H);
    const resumed = resumeClock(paused, T0 + 11 * H);
    expect(resumed.pausedMs).toBe(10 * H);
    expect(deadlineAt(resumed, T0 + 20 * H)).toBe(T0 + 58 * H);
    expect(remainingMs(resumed, T0 + 11 * H)).toBe(47 * H);
  });

  it('stops as met or met late, and a stopped clock no longer moves', () => {
    expect(clockStatus(stopClock(fresh(), T0 + 47 * H), T0 + 100 * H)).toBe('met');
    const late = stopClock(fresh(), T0 + 50 * H);
    expect(clockStatus(late, T0 + 100 * H)).toBe('met_late');
    expect(viewClock(late, T0 + 100 * H).remainingMs).toBe(-2 * H);
  });

  it('stopping a paused clock closes the pause', () => {
    const c = stopClock(pauseClock(fresh(), T0 + H), T0 + 3 * H);
    expect(c).toMatchObject({ pausedAt: null, pausedMs: 2 * H, stoppedAt: T0 + 3 * H });
  });

  it('orders the intake thresholds: warning 36 h, escalations 48 h and 72 h', () => {
    expect(thresholdsOf(INTAKE_DECISION_POLICY).map((t) => [t.key, t.atElapsedMs / H, t.notify])).toEqual([
      ['warning-1', 36, 'intake_task_force'],
      ['escalation-1', 48, 'economic_cooperation_bureau_head'],
      ['escalation-2', 72, 'zone_leadership'],
    ]);
  });
});
