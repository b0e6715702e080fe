import type { ClockPlan } from './clock-plan';
import type { ClockName } from './sla-policy';

/**
 * One SLA clock, in epoch milliseconds so it serialises into workflow state unchanged.
 * Time only counts while the clock runs: paused time extends the deadline.
 */
export interface SlaClock {
  clock: ClockName;
  startedAt: number;
  budgetMs: number;
  /** Paused time already closed (excludes a pause still open). */
  pausedMs: number;
  pausedAt: number | null;
  stoppedAt: number | null;
  /** Threshold keys already fired (warning-1, escalation-1, ...). */
  fired: string[];
  /** The policy version and thresholds it runs by; absent until planned (and on clocks older than policies as data). */
  plan?: ClockPlan | null;
}

export const CLOCK_STATUSES = ['running', 'paused', 'overdue', 'met', 'met_late'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export function startClock(clock: ClockName, budgetMs: number, now: number): SlaClock {
  return { clock, startedAt: now, budgetMs, pausedMs: 0, pausedAt: null, stoppedAt: null, fired: [] };
}

/** Paused time including a pause still open at `now`. */
export function pausedMsAt(c: SlaClock, now: number): number {
  const end = c.stoppedAt ?? now;
  return c.pausedMs + (c.pausedAt !== null ? end - c.pausedAt : 0);
}

export function activeElapsedMs(c: SlaClock, now: number): number {
  const end = c.stoppedAt ?? now;
  return end - c.startedAt - pausedMsAt(c, now);
}

/** The breach instant if the clock keeps running from now (moves while paused). */
export function deadlineAt(c: SlaClock, now: number): number {
  return c.startedAt + c.budgetMs + pausedMsAt(c, now);
}

export function remainingMs(c: SlaClock, now: number): number {
  return c.budgetMs - activeElapsedMs(c, now);
}

export function clockStatus(c: SlaClock, now: number): ClockStatus {
  const late = activeElapsedMs(c, now) >= c.budgetMs;
  if (c.stoppedAt !== null) return late ? 'met_late' : 'met';
  if (c.pausedAt !== null) return 'paused';
  return late ? 'overdue' : 'running';
}

export function pauseClock(c: SlaClock, now: number): SlaClock {
  if (c.stoppedAt !== null || c.pausedAt !== null) return c;
  return { ...c, pausedAt: now };
}

export function resumeClock(c: SlaClock, now: number): SlaClock {
  if (c.pausedAt === null) return c;
  return { ...c, pausedMs: c.pausedMs + (now - c.pausedAt), pausedAt: null };
}

export function stopClock(c: SlaClock, now: number): SlaClock {
  const resumed = resumeClock(c, now);
  return { ...resumed, stoppedAt: now };
}

export function markFired(c: SlaClock, key: string): SlaClock {
  return c.fired.includes(key) ? c : { ...c, fired: [...c.fired, key] };
}

/** A read-model view of a clock, as the API shows it. */
export interface SlaClockView {
  clock: ClockName;
  status: ClockStatus;
  startedAt: string;
  deadlineAt: string;
  remainingMs: number;
  pausedMs: number;
  paused: boolean;
  stoppedAt: string | null;
  fired: string[];
  policyKey: string | null;
  policyVersion: number | null;
}

export function viewClock(c: SlaClock, now: number): SlaClockView {
  return {
    clock: c.clock,
    status: clockStatus(c, now),
    startedAt: new Date(c.startedAt).toISOString(),
    deadlineAt: new Date(deadlineAt(c, now)).toISOString(),
    remainingMs: remainingMs(c, now),
    pausedMs: pausedMsAt(c, now),
    paused: c.pausedAt !== null,
    stoppedAt: c.stoppedAt !== null ? new Date(c.stoppedAt).toISOString() : null,
    fired: c.fired,
    policyKey: c.plan?.policyKey ?? null,
    policyVersion: c.plan?.policyVersion ?? null,
  };
}
