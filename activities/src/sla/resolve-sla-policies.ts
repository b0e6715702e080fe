import type { PolicyKey, VersionedSlaPolicy } from '@zs/domain';
import { latestPolicyVersions, type Database } from '@zs/persistence';

/**
 * The latest version of each policy asked for. Runs as an activity so the versions a cadence
 * starts with are recorded in the workflow history: replays never re-read the database.
 */
export function createResolveSlaPolicies(db: Database) {
  return async function resolveSlaPolicies(keys: PolicyKey[]): Promise<VersionedSlaPolicy[]> {
    const latest = await latestPolicyVersions(db, keys);
    return keys.map((key, i) => {
      const p = latest[i];
      // Retried (with backoff) rather than failing the workflow: a deployment fault the operator can fix.
      if (!p) throw new Error(`no SLA policy ${key}: run the migrations (they seed the defaults)`);
      return p;
    });
  };
}
