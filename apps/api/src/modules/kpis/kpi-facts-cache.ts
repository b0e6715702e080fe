import { Inject, Injectable } from '@nestjs/common';
import { throughKpiFilter, type KpiFilter } from '@zs/domain';
import { readKpiSourceChanges, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import { ZoneContext } from '../../infrastructure/zones/zone-context';
import { ZoneKpiSources, type KpiSources } from './zone-kpi-sources';

export type { KpiSources } from './zone-kpi-sources';

/**
 * The facts GET /kpis and the target reports compute from, kept in memory per zone (issue 12):
 * every project's facts once, brought up to date on each request by reading only the rows written
 * since the last read (readKpiSourceChanges: an index range, usually empty) instead of every
 * project's facts after any change (3 s with 100,000 projects). Filters apply in memory.
 */
@Injectable()
export class KpiFactsCache {
  /** Per zone (issue 12): two zones' facts never mix. */
  private readonly zones = new Map<string, ZoneKpiSources>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly zoneContext: ZoneContext,
  ) {}

  /** The zone's sources through the filter. */
  async read(filter: KpiFilter): Promise<Pick<KpiSources, 'facts' | 'services'>> {
    const { sources } = await this.current();
    return throughKpiFilter(sources, filter);
  }

  /** The current zone and its sources, up to date with everything committed before the call (unfiltered, in shards). */
  async current(): Promise<{ zone: string; sources: KpiSources }> {
    const zone = this.zoneContext.current().code;
    let sources = this.zones.get(zone);
    if (!sources) this.zones.set(zone, (sources = new ZoneKpiSources((since, keep) => readKpiSourceChanges(this.db, since, keep))));
    await sources.refresh();
    return { zone, sources: sources.snapshot() };
  }
}
