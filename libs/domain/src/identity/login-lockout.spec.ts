import { decideLogin, isLocked, type LoginCounters } from './login-lockout';

const policy = { maxFailures: 5, lockoutMs: 15 * 60_000 };
const t0 = new Date('2026-03-02T09:00:00+08:00');
const at = (ms: number) => new Date(t0.getTime() + ms);
const fresh: LoginCounters = { failedLoginCount: 0, lockedUntil: null };

describe('login lockout', () => {
  it('locks at the fifth consecutive failure, for the lockout time', () => {
    let counters = fresh;
    for (let i = 1; i <= 4; i++) {
      const d = decideLogin(counters, false, t0, policy);
      expect(d).toMatchObject({ outcome: 'failure', locked: false, next: { failedLoginCount: i, lockedUntil: null } });
      counters = d.next;
    }
    const fifth = decideLogin(counters, false, t0, policy);
    expect(fifth).toEqual({ outcome: 'failure', locked: true, next: { failedLoginCount: 5, lockedUntil: at(15 * 60_000) } });
    expect(isLocked(fifth.next, at(15 * 60_000 - 1))).toBe(true);
    expect(isLocked(fifth.next, at(15 * 60_000))).toBe(false);
  });

  it('refuses the right password while locked, counting nothing', () => {
    const locked = { failedLoginCount: 5, lockedUntil: at(60_000) };
    expect(decideLogin(locked, true, t0, policy)).toEqual({ outcome: 'locked_out', next: locked });
    expect(decideLogin(locked, false, t0, policy)).toEqual({ outcome: 'locked_out', next: locked });
  });

  it('lets the right password in once the lock has run out, and resets the count', () => {
    const expired = { failedLoginCount: 5, lockedUntil: at(-1) };
    expect(decideLogin(expired, true, t0, policy)).toEqual({ outcome: 'success', next: fresh });
  });

  it('starts counting afresh after a lock has run out', () => {
    const expired = { failedLoginCount: 5, lockedUntil: at(-1) };
    expect(decideLogin(expired, false, t0, policy)).toEqual({ outcome: 'failure', locked: false, next: { failedLoginCount: 1, lockedUntil: null } });
  });

  it('resets the count on success', () => {
    expect(decideLogin({ failedLoginCount: 4, lockedUntil: null }, true, t0, policy)).toEqual({ outcome: 'success', next: fresh });
  });
});
