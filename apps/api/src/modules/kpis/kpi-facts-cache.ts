import { Inject, Injectable } from '@nestjs/common';
import type { ProjectFacts, ServiceRequestFacts } from '@zs/domain';
import { kpiSourceVersion, readProjectFacts, readServiceRequestFacts, type Database, type ProjectFactsFilter } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import { ZoneContext } from '../../infrastructure/zones/zone-context';

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
  /** Per zone (issue 12): two zones' versions may well be equal (both empty), their facts never are. */
  private readonly zones = new Map<string, { version: string | null; entries: Map<string, Promise<KpiSources>> }>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly zoneContext: ZoneContext,
  ) {}

  async read(filter: ProjectFactsFilter): Promise<KpiSources> {
    const zone = this.zoneContext.current().code;
    let state = this.zones.get(zone);
    if (!state) this.zones.set(zone, (state = { version: null, entries: new Map() }));
    const version = await kpiSourceVersion(this.db);
    if (version !== state.version) {
      state.entries.clear();
      state.version = version;
    }
    const entries = state.entries;
    const key = JSON.stringify(Object.entries(filter).sort());
    let entry = entries.get(key);
    if (!entry) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entry = Promise.all([readProjectFacts(this.db, filter), readServiceRequestFacts(this.db, filter)]).then(([facts, services]) => ({ facts, services }));
      // A failed read is not kept: the next request tries again.
      entry.catch(() => entries.delete(key));
      entries.set(key, entry);
    }
    return entry;
  }
}
