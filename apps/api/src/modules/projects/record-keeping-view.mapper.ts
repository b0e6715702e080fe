import { FUNDS_SOURCE_LABELS, INVESTMENT_DECIMAL_PLACES, VISIT_KIND_LABELS, type ProjectState } from '@zs/domain';
import type { RecordKeepingViewDto } from './dto/record-keeping-view.dto';

const iso = (ms: number): string => new Date(ms).toISOString();
const scale = 10 ** INVESTMENT_DECIMAL_PLACES;

/** Ownership, funds ledger, visits and first tax (issue 10) as the project view shows them. */
export function recordKeepingView(state: ProjectState): RecordKeepingViewDto {
  const funds = state.funds ?? [];
  return {
    ownership: state.ownership ?? null,
    funds: funds.map((f) => ({ ...f, sourceLabel: FUNDS_SOURCE_LABELS[f.source], recordedAt: iso(f.recordedAt) })),
    // Summed in 1/10,000 亿 so 0.1 + 0.2 reads 0.3.
    fundsInPlaceYi: funds.reduce((sum, f) => sum + Math.round(f.amountYi * scale), 0) / scale,
    visits: (state.visits ?? []).map((v) => ({ ...v, kindLabel: VISIT_KIND_LABELS[v.kind], recordedAt: iso(v.recordedAt) })),
    firstTax: state.firstTax ? { ...state.firstTax, recordedAt: iso(state.firstTax.recordedAt) } : null,
  };
}
