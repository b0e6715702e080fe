import { INVESTMENT_DECIMAL_PLACES } from '@zs/domain';
import type { ProjectView } from '../project-tab';

export type FundsEntryView = ProjectView['funds'][number];

/** Amounts are summed in 1/10,000 亿 (万元), as the API sums them, so 0.1 + 0.2 reads 0.3. */
const scale = 10 ** INVESTMENT_DECIMAL_PLACES;
const units = (yi: number) => Math.round(yi * scale);

export interface FundsLedgerRow extends FundsEntryView {
  /** In place up to and including this entry, oldest first (亿元). */
  cumulativeYi: number;
}

export interface FundsSummary {
  /** The ledger in the order the money arrived, with the running total. */
  rows: FundsLedgerRow[];
  totalYi: number;
  /** The contract's committed investment (亿元); null before signing. */
  committedYi: number | null;
  /** In place against committed (0.5 = half); null without a contract or with nothing committed. */
  ratio: number | null;
  /** Still to come (亿元), never below 0; null without a contract. */
  outstandingYi: number | null;
  /** Per source, largest first, with its share of the total. */
  bySource: Array<{ source: FundsEntryView['source']; label: string; amountYi: number; share: number }>;
}

/** The funds-in-place ledger (到位资金台账) with its totals against the contract's committed investment. */
export function fundsSummary(funds: readonly FundsEntryView[], committedYi: number | null): FundsSummary {
  // By the day the money arrived; entries of one day stay in the order recorded.
  const ordered = funds.map((f, i) => ({ f, i })).sort((a, b) => a.f.date.localeCompare(b.f.date) || a.i - b.i).map(({ f }) => f);
  let running = 0;
  const rows = ordered.map((f) => {
    running += units(f.amountYi);
    return { ...f, cumulativeYi: running / scale };
  });
  const total = running;
  const perSource = new Map<FundsEntryView['source'], { label: string; units: number }>();
  for (const f of ordered) {
    const entry = perSource.get(f.source) ?? { label: f.sourceLabel, units: 0 };
    entry.units += units(f.amountYi);
    perSource.set(f.source, entry);
  }
  const bySource = [...perSource.entries()]
    .map(([source, s]) => ({ source, label: s.label, amountYi: s.units / scale, share: total > 0 ? s.units / total : 0 }))
    .sort((a, b) => b.amountYi - a.amountYi);
  const committed = committedYi === null ? null : units(committedYi);
  return {
    rows,
    totalYi: total / scale,
    committedYi,
    ratio: committed ? total / committed : null,
    outstandingYi: committed === null ? null : Math.max(0, committed - total) / scale,
    bySource,
  };
}
