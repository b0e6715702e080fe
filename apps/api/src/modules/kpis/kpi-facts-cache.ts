import { Inject, Injectable } from '@nestjs/common';
import type { ProjectFacts, ServiceRequestFacts } from '@zs/domain';
import { kpiSourceVersion, readProjectFacts, readServiceRequestFacts, type Database, type ProjectFactsFilter } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';

export interface KpiSources {
  facts: ProjectFacts[];
  services: ServiceRequestFacts[];
}

/** Filters kept at once; a new version of the sources empties the cache. */
const MAX_ENTRIES = 8;

/**
 * The facts GET /kpis computes from, kept while the sources are unchanged: one cheap version
 * query per request instead of reading every project's facts again (the bulk of a request's time
 * with 10,000 projects). Any projection write, backfill or service-request step changes the version.
 */
@Injectable()
export class KpiFactsCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<KpiSources>>();

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async read(filter: ProjectFactsFilter): Promise<KpiSources> {
    const version = await kpiSourceVersion(this.db);
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const key = JSON.stringify(Object.entries(filter).sort());
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      entry = Promise.all([readProjectFacts(this.db, filter), readServiceRequestFacts(this.db, filter)]).then(([facts, services]) => ({ facts, services }));
      // A failed read is not kept: the next request tries again.
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }
}
