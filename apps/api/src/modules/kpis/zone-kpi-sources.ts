import type { ProjectFacts, ServiceRequestFacts } from '@zs/domain';
import type { KpiSourceChanges } from '@zs/persistence';
import { StringPool } from './string-pool';

export interface KpiSources {
  facts: ProjectFacts[];
  services: ServiceRequestFacts[];
  /** Changes whenever any fact or request does: what a computed table may be kept under. */
  generation: number;
}

/** Strings that are one per project or request: not worth pooling. */
const UNIQUE_KEYS: ReadonlySet<string> = new Set(['projectId', 'requestId', 'companyName']);

/** One zone's copy of its KPI sources, brought up to date by reading only what changed. */
export class ZoneKpiSources {
  private horizon: string | null = null;
  private pool = new StringPool(UNIQUE_KEYS);
  private readonly facts = new Map<string, ProjectFacts>();
  private readonly services = new Map<string, ServiceRequestFacts>();
  /** The maps as arrays, made again only after a change. */
  private all: KpiSources | null = null;
  private generation = 0;
  /** The pull in progress, and the one queued behind it that later callers share. */
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly pull: (since: string | null) => Promise<KpiSourceChanges>) {}

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
    return (this.all ??= { facts: [...this.facts.values()], services: [...this.services.values()], generation: this.generation });
  }

  private afterRunning(): Promise<void> {
    this.queued = null;
    return (this.running = this.pullOnce());
  }

  private async pullOnce(): Promise<void> {
    try {
      const changes = await this.pull(this.horizon);
      if (changes.complete) {
        this.facts.clear();
        this.services.clear();
        this.pool = new StringPool(UNIQUE_KEYS);
      }
      for (const f of changes.facts) this.facts.set(f.projectId, this.pool.intern(f));
      for (const s of changes.services) this.services.set(s.requestId, this.pool.intern(s));
      if (changes.complete || changes.facts.length > 0 || changes.services.length > 0) {
        this.all = null;
        this.generation += 1;
      }
      this.horizon = changes.horizon;
    } finally {
      this.running = null;
    }
  }
}
