import { weekdayLookup } from '../calendar/working-days';
import { DomainError, ERROR_CODES } from '../errors';
import { planClock } from './clock-plan';
import { pauseClockChange, recalculateClockChange, resumeClockChange, type ClockSlot } from './clock-operations';
import { withPlans } from './clock-planning';
import { DEFAULT_POLICIES, type VersionedSlaPolicy } from './policy-definition';
import { activeElapsedMs, deadlineAt, pausedMsAt, remainingMs, startClock, type SlaClock } from './sla-clock';

const H = 3_600_000;
const MIN = 60_000;
const T0 = Date.parse('2026-11-23T02:00:00Z');
const ADMIN = { userId: 'u-admin', role: 'admin' as const };

interface Holder {
  clock: SlaClock;
  open: boolean;
}
const slot: ClockSlot<Holder> = { name: 'intake_decision', get: (s) => s.clock, set: (_s, clock) => ({ clock }), isOpen: (s) => s.open };
const apply = (s: Holder, change: { patch: Partial<Holder> }): Holder => ({ ...s, ...change.patch });
const intake = (hours: number, version: number): VersionedSlaPolicy => ({
  key: 'intake_decision',
  clock: 'intake_decision',
  version,
  ...DEFAULT_POLICIES.intake_decision.definition,
  duration: { unit: 'hours', hours },
});

function planned(hours = 48): Holder {
  const s: Holder = { clock: startClock('intake_decision', 48 * H, T0), open: true };
  return withPlans(s, [{ slot, startedAt: T0, plan: planClock(intake(hours, 1), T0, weekdayLookup) }]);
}

describe('pausing and resuming a clock', () => {
  it('keeps the remaining time exactly, to the millisecond, however long the pause', () => {
    let s = planned();
    const pauseAt = T0 + 10 * H + 17 * MIN + 123;
    const before = remainingMs(s.clock, pauseAt);
    s = apply(s, pauseClockChange([slot], s, 'intake_decision', '等待企业补充材料', pauseAt));
    // While paused nothing is consumed and the deadline moves with the pause.
    expect(remainingMs(s.clock, pauseAt + 5 * 24 * H)).toBe(before);
    const resumeAt = pauseAt + 3 * 24 * H + 1;
    const change = resumeClockChange([slot], s, 'intake_decision', '材料已补齐', resumeAt);
    s = apply(s, change);
    expect(remainingMs(s.clock, resumeAt)).toBe(before);
    expect(deadlineAt(s.clock, resumeAt)).toBe(T0 + 48 * H + (resumeAt - pauseAt));
    expect(pausedMsAt(s.clock, resumeAt)).toBe(resumeAt - pauseAt);
    expect(change.payload).toMatchObject({ clock: 'intake_decision', reason: '材料已补齐', pausedForMs: resumeAt - pauseAt, remainingMs: before });
  });

  it('refuses to pause a paused clock, resume a running one, or touch a closed or unknown clock', () => {
    const s = planned();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return [(err as DomainError).code, (err as DomainError).field];
      }
      return null;
    };
    expect(code(() => resumeClockChange([slot], s, 'intake_decision', 'x', T0 + H))).toEqual([ERROR_CODES.WRONG_STAGE, undefined]);
    const paused = apply(s, pauseClockChange([slot], s, 'intake_decision', 'x', T0 + H));
    expect(code(() => pauseClockChange([slot], paused, 'intake_decision', 'x', T0 + 2 * H))).toEqual([ERROR_CODES.WRONG_STAGE, undefined]);
    expect(code(() => pauseClockChange([slot], { ...s, open: false }, 'intake_decision', 'x', T0 + H))).toEqual([ERROR_CODES.WRONG_STAGE, undefined]);
    expect(code(() => pauseClockChange([slot], s, 'service_accept', 'x', T0 + H))).toEqual([ERROR_CODES.VALIDATION_FAILED, 'clock']);
  });
});

describe('recalculating a running clock', () => {
  it('adopts the new budget and keeps start, elapsed and paused time and the thresholds already fired', () => {
    let s = planned(48);
    s = apply(s, pauseClockChange([slot], s, 'intake_decision', '等待', T0 + 10 * H));
    s = apply(s, resumeClockChange([slot], s, 'intake_decision', '继续', T0 + 14 * H));
    s = { ...s, clock: { ...s.clock, fired: ['warning-1'] } };
    const now = T0 + 40 * H;
    const elapsed = activeElapsedMs(s.clock, now);
    const change = recalculateClockChange(slot, s, planClock(intake(72, 2), T0, weekdayLookup), { requestId: 'r1', scope: 'policy', reason: '时限延长', actor: ADMIN }, now);
    const after = apply(s, change).clock;
    expect(after.startedAt).toBe(T0);
    expect(activeElapsedMs(after, now)).toBe(elapsed);
    expect(pausedMsAt(after, now)).toBe(4 * H);
    expect(after.fired).toEqual(['warning-1']);
    expect(after.plan?.policyVersion).toBe(2);
    expect(deadlineAt(after, now)).toBe(T0 + 72 * H + 4 * H);
    expect(change.payload).toMatchObject({
      reason: '时限延长',
      elapsedMs: 36 * H,
      pausedMs: 4 * H,
      before: { policyVersion: 1, deadlineAt: new Date(T0 + 52 * H).toISOString() },
      after: { policyVersion: 2, deadlineAt: new Date(T0 + 76 * H).toISOString() },
    });
  });
});
