import { Injectable } from '@nestjs/common';
import {
  addKpiTableTallies,
  finishKpiTable,
  kpiTableShape,
  throughKpiFilter,
  tallyKpiTable,
  type KpiFilter,
  type KpiRow,
  type KpiTableOptions,
  type KpiTableTally,
} from '@zs/domain';
import type { KpiShard, KpiSources } from './zone-kpi-sources';

/** Tables kept at once (least recently used dropped): a dashboard's groupings for a few filters and zones. */
const MAX_TABLES = 32;

/** A shard's part of one table: counted from the shard as it was at `stamp`. */
interface ShardPart {
  stamp: number;
  /** The earliest registration among the shard's counted projects ('' when none). */
  earliest: string;
  counted: Pick<KpiShard, 'facts' | 'services'>;
  tally: KpiTableTally | null;
}

interface TableState {
  parts: Array<ShardPart | null>;
  /** The windows the shard tallies were counted for. */
  shapeKey: string;
  sum: KpiTableTally | null;
}

function earliestOf(facts: KpiShard['facts']): string {
  let min = '';
  for (const f of facts) if (min === '' || f.registeredOn < min) min = f.registeredOn;
  return min;
}

/**
 * KPI tables kept as the sum of their shards' tallies (issue 12). A request brings the table up
 * to date by counting again only the shards whose facts changed since it was last asked (one
 * project's change: 1/16 of the zone's projects), adding the shards' tallies and making the rows
 * (targets applied last, so a changed target costs no counting). A change that moves the first
 * bucket of an open-ended period split counts every shard again.
 */
@Injectable()
export class KpiTableTallies {
  private readonly tables = new Map<string, TableState>();
  /** Shards counted by the last call (0: the table was up to date): what a change cost, for tests and logs. */
  lastShardsCounted = 0;

  /** `key` names the zone and everything of the request but its targets. */
  rows(key: string, sources: KpiSources, filter: KpiFilter, options: KpiTableOptions): KpiRow[] {
    const state = this.state(key, sources.shards.length);
    let changed = false;
    sources.shards.forEach((shard, i) => {
      if (state.parts[i]?.stamp === shard.stamp) return;
      const mine = throughKpiFilter(shard, filter);
      state.parts[i] = { stamp: shard.stamp, earliest: earliestOf(mine.facts), counted: mine, tally: null };
      changed = true;
    });
    const shape = kpiTableShape(options, (upTo) => state.parts.reduce((min, p) => (p!.earliest && p!.earliest < min ? p!.earliest : min), upTo));
    const shapeKey = shape.buckets ? `${shape.buckets[0]?.key}/${shape.buckets.length}` : '';
    if (shapeKey !== state.shapeKey) {
      for (const part of state.parts) part!.tally = null;
      state.shapeKey = shapeKey;
    }
    this.lastShardsCounted = 0;
    for (const part of state.parts) {
      if (part!.tally) continue;
      part!.tally = tallyKpiTable(part!.counted.facts, part!.counted.services, shape);
      this.lastShardsCounted += 1;
      changed = true;
    }
    if (changed || !state.sum) state.sum = addKpiTableTallies(state.parts.map((p) => p!.tally!));
    return finishKpiTable(state.sum, shape, options.targetOf);
  }

  private state(key: string, shards: number): TableState {
    const known = this.tables.get(key);
    if (known) {
      this.tables.delete(key);
      this.tables.set(key, known);
      return known;
    }
    if (this.tables.size >= MAX_TABLES) this.tables.delete(this.tables.keys().next().value!);
    const state: TableState = { parts: new Array(shards).fill(null), shapeKey: '', sum: null };
    this.tables.set(key, state);
    return state;
  }
}
