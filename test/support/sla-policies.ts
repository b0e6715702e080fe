import { DEFAULT_POLICIES, type PolicyKey } from '@zs/domain';
import { createSlaPolicyVersion } from '@zs/persistence';
import type { DataSource } from 'typeorm';

const TEST_ADMIN = { userId: 'u-test-admin', role: 'admin' as const };

/**
 * Gives clocks started from now on a wall-clock limit (so a test can hit exact hour
 * boundaries whatever the weekday), keeping the seeded ladder. Returns a restore function
 * that appends the seeded definition again: versions are append-only, and the test
 * database is shared by every test file.
 */
export async function useWallClockPolicies(dataSource: DataSource, hoursByKey: Partial<Record<PolicyKey, number>>): Promise<() => Promise<void>> {
  const keys = Object.keys(hoursByKey) as PolicyKey[];
  for (const key of keys) {
    const seeded = DEFAULT_POLICIES[key].definition;
    await createSlaPolicyVersion(dataSource, key, { ...seeded, duration: { unit: 'hours', hours: hoursByKey[key]! } }, TEST_ADMIN, 'test: wall-clock limit');
  }
  return async () => {
    for (const key of keys) await createSlaPolicyVersion(dataSource, key, DEFAULT_POLICIES[key].definition, TEST_ADMIN, 'test: restore the seeded policy');
  };
}
