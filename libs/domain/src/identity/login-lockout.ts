/**
 * Login failure counting and lockout (等保 2.0 三级: 登录失败处理). Pure: the API reads the
 * account under a row lock, asks `decideLogin`, writes what it answers and records the events.
 */
export interface LockoutPolicy {
  /** Consecutive failures that lock the account (LOGIN_MAX_FAILURES). */
  maxFailures: number;
  /** How long a lock lasts (LOGIN_LOCKOUT_MINUTES). */
  lockoutMs: number;
}

export interface LoginCounters {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export type LoginDecision =
  /** Right password, not locked: the counter goes back to zero. */
  | { outcome: 'success'; next: LoginCounters }
  /** Wrong password; `locked` when this failure locks the account. */
  | { outcome: 'failure'; next: LoginCounters; locked: boolean }
  /** The account is locked: refused whatever the password, nothing counted. */
  | { outcome: 'locked_out'; next: LoginCounters };

export function isLocked(counters: LoginCounters, now: Date): boolean {
  return counters.lockedUntil !== null && counters.lockedUntil.getTime() > now.getTime();
}

/** A lock that has run out starts a fresh count: the next failure is the first again. */
export function decideLogin(current: LoginCounters, passwordOk: boolean, now: Date, policy: LockoutPolicy): LoginDecision {
  if (isLocked(current, now)) return { outcome: 'locked_out', next: current };
  if (passwordOk) return { outcome: 'success', next: { failedLoginCount: 0, lockedUntil: null } };
  const expired = current.lockedUntil !== null;
  const failures = (expired ? 0 : current.failedLoginCount) + 1;
  const locked = failures >= policy.maxFailures;
  return {
    outcome: 'failure',
    locked,
    next: { failedLoginCount: failures, lockedUntil: locked ? new Date(now.getTime() + policy.lockoutMs) : null },
  };
}
