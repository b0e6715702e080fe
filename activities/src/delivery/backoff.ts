export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Spreads retries of many rows failing together (a receiver down); off in tests for exact timing. */
  jitter: boolean;
}

/**
 * Wait before the next attempt after `attempts` failed ones: base × 2^(attempts−1), capped; with
 * jitter, a random point in the upper half so a retry never comes sooner than half the back-off.
 */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^exponent overflows to Infinity long after the cap; min() keeps the result finite.
  const full = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 52));
  return policy.jitter ? Math.round(full / 2 + random() * (full / 2)) : full;
}
