import type { PolicyKey, VersionedSlaPolicy } from '@zs/domain';
import { currentSlaPolicies, type Database } from '@zs/persistence';

/**
 * The latest version of each policy asked for. Runs as an activity so the versions a cadence
 * starts with are recorded in the workflow history: replays never re-read the database.
 */
export function createResolveSlaPolicies(db: Database) {
  return async function resolveSlaPolicies(keys: PolicyKey[]): Promise<VersionedSlaPolicy[]> {
    const current = new Map((await currentSlaPolicies(db)).map((p) => [p.key, p]));
    return keys.map((key) => {
      const p = current.get(key);
      // Retried (with backoff) rather than failing the workflow: a deployment fault the operator can fix.
      if (!p) throw new Error(`no SLA policy ${key}: run the migrations (they seed the defaults)`);
      // Only what the workflow keeps: the definition and its version, not who wrote it and why.
      return { key: p.key, clock: p.clock, version: p.version, duration: p.duration, warnings: p.warnings, escalations: p.escalations };
    });
  };
}
