import type { Actor } from '../roles';
import { BUILT_IN_FULFILMENT_SCHEDULE, type FulfilmentSchedule } from '../sla/fulfilment-policy';

/** 履约检查: committed against actual figures at each periodic check. */
export interface FulfilmentCheck {
  checkedAt: number;
  checkedBy: Actor;
  /** 到位资金, 亿元. */
  investmentInPlaceYi: number;
  /** Tax paid so far, 万元. */
  taxPaidWanYuan: number;
  fulfilled: boolean;
  note: string;
  comparison: {
    committedInvestmentYi: number;
    /** investment in place / contract investment. */
    investmentRatio: number;
    /** Production on or before the committed date (null when unknown). */
    productionOnTime: boolean | null;
  };
}

export interface FulfilmentState {
  /** When the next periodic check is due (one period from production, then from each check). */
  nextCheckDueAt: number;
  checks: FulfilmentCheck[];
  /** From the fulfilment_check policy when production was recorded; absent before (built-in quarterly schedule). */
  schedule?: FulfilmentSchedule | null;
}

export function fulfilmentScheduleOf(f: FulfilmentState | null | undefined): FulfilmentSchedule {
  return f?.schedule ?? BUILT_IN_FULFILMENT_SCHEDULE;
}

export interface Closure {
  outcome: 'completed' | 'terminated';
  reason: string;
  /** For termination: who approved it (name and title), as in the approval document. */
  approver: string | null;
  closedBy: Actor;
  closedAt: number;
}
