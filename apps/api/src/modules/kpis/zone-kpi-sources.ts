import { toKpiFacts, type KpiFacts, type ProjectFacts, type ServiceRequestFacts } from '@zs/domain';
import type { KpiSourceChanges } from '@zs/persistence';
import { FactsPool } from './facts-pool';

/**
 * The facts are kept in shards by project (a project's requests in its shard): a table is kept as
 * the sum of its shards' tallies, and after a change only the changed shard is counted again
 * (1/16 of the projects instead of all of them; kpi-table-tallies.ts).
 */
export const KPI_SHARDS = 16;

export interface KpiShard {
  facts: KpiFacts[];
  services: ServiceRequestFacts[];
  /** Changes whenever one of the shard's facts or requests does (never repeats within a zone's copy). */
  stamp: number;
}

export interface KpiSources {
  facts: KpiFacts[];
  services: ServiceRequestFacts[];
  /** Changes whenever any fact or request does: what a computed table may be kept under. */
  generation: number;
  shards: readonly KpiShard[];
}

/** The shard of a project: FNV-1a of its id (any id spreads, not only a random UUID). */
export function kpiShardOf(projectId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < projectId.length; i++) h = Math.imul(h ^ projectId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % KPI_SHARDS;
}

interface ShardMaps {
  facts: Map<string, KpiFacts>;
  services: Map<string, ServiceRequestFacts>;
  stamp: number;
  /** The maps as arrays, made again only after a change of the shard. */
  arrays: KpiShard | null;
}

const emptyShard = (): ShardMaps => ({ facts: new Map(), services: new Map(), stamp: 0, arrays: null });

/** Strings that are one per project or request: not worth pooling. */
const UNIQUE_KEYS: ReadonlySet<string> = new Set(['projectId', 'requestId', 'companyName']);

/** One zone's copy of its KPI sources, brought up to date by reading only what changed. */
export class ZoneKpiSources {
  private horizon: string | null = null;
  private pool = new FactsPool(UNIQUE_KEYS);
  private shards: ShardMaps[] = Array.from({ length: KPI_SHARDS }, emptyShard);
  /** The shards as one snapshot, made again only after a change. */
  private all: KpiSources | null = null;
  private generation = 0;
  /** The pull in progress, and the one queued behind it that later callers share. */
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /**
   * `pull` reads what changed since the horizon, handing each project's facts to `keep` as it reads
   * them (readKpiSourceChanges): only the pooled KPI facts stay, even while a first read parses
   * every project of the zone.
   */
  constructor(private readonly pull: (since: string | null, keep: (facts: ProjectFacts) => KpiFacts) => Promise<KpiSourceChanges<KpiFacts>>) {}

  /**
   * Up to date with everything committed before the call. A pull already running may have taken
   * its snapshot before the caller's own write committed, so callers arriving meanwhile wait for
   * the next pull, which they all share: a dashboard's eight queries at once cost two pulls.
   */
  refresh(): Promise<void> {
    if (!this.running) return (this.running = this.pullOnce());
    if (!this.queued) {
      this.queued = this.running.then(
        () => this.afterRunning(),
        () => this.afterRunning(),
      );
    }
    return this.queued;
  }

  snapshot(): KpiSources {
    if (this.all) return this.all;
    const shards = this.shards.map((s) => (s.arrays ??= { facts: [...s.facts.values()], services: [...s.services.values()], stamp: s.stamp }));
    // Every fact in one array only when asked for (the target reports): a table reads the shards.
    let facts: KpiFacts[] | null = null;
    let services: ServiceRequestFacts[] | null = null;
    return (this.all = {
      get facts() {
        return (facts ??= ([] as KpiFacts[]).concat(...shards.map((s) => s.facts)));
      },
      get services() {
        return (services ??= ([] as ServiceRequestFacts[]).concat(...shards.map((s) => s.services)));
      },
      generation: this.generation,
      shards,
    });
  }

  private afterRunning(): Promise<void> {
    this.queued = null;
    return (this.running = this.pullOnce());
  }

  private async pullOnce(): Promise<void> {
    try {
      // The pool only grows between complete reads (a value no project holds any more stays): start
      // afresh with the first read; a later complete read (a restored database) is rare.
      if (this.horizon === null) this.pool = new FactsPool(UNIQUE_KEYS);
      const pool = this.pool;
      const changes = await this.pull(this.horizon, (f) => pool.intern(toKpiFacts(f)));
      const changed = new Set<ShardMaps>();
      if (changes.complete) {
        this.shards = Array.from({ length: KPI_SHARDS }, emptyShard);
        this.shards.forEach((s) => changed.add(s));
      }
      for (const f of changes.facts) {
        const shard = this.shards[kpiShardOf(f.projectId)];
        shard.facts.set(f.projectId, f);
        changed.add(shard);
      }
      for (const s of changes.services) {
        const shard = this.shards[kpiShardOf(s.projectId)];
        shard.services.set(s.requestId, this.pool.intern(s));
        changed.add(shard);
      }
      if (changed.size > 0) {
        this.all = null;
        this.generation += 1;
        for (const shard of changed) {
          shard.stamp = this.generation;
          shard.arrays = null;
        }
      }
      this.horizon = changes.horizon;
    } finally {
      this.running = null;
    }
  }
}
