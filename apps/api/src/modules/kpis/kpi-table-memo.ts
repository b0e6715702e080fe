import { Injectable } from '@nestjs/common';
import type { KpiRow } from '@zs/domain';

/** Tables kept at once (least recently used dropped): a dashboard's groupings for a few filters and zones. */
const MAX_TABLES = 64;

/**
 * KPI tables already computed, under the version of the facts they were computed from (zone and
 * generation, which any change moves on), the request and the targets. A dashboard opened by
 * several leaders, or refreshed, computes each table once per change of the record instead of
 * once per request (a table over 100,000 projects takes a few hundred ms to compute).
 */
@Injectable()
export class KpiTableMemo {
  private readonly tables = new Map<string, KpiRow[]>();

  rows(key: string, compute: () => KpiRow[]): KpiRow[] {
    const known = this.tables.get(key);
    if (known) {
      this.tables.delete(key);
      this.tables.set(key, known);
      return known;
    }
    const rows = compute();
    if (this.tables.size >= MAX_TABLES) this.tables.delete(this.tables.keys().next().value!);
    this.tables.set(key, rows);
    return rows;
  }
}
