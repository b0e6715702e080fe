import type { Actor } from '../roles';

/** Where money actually put in place came from (到位资金来源). */
export const FUNDS_SOURCES = ['equity', 'loan', 'self_raised', 'government_fund', 'other'] as const;
export type FundsSource = (typeof FUNDS_SOURCES)[number];
export const FUNDS_SOURCE_LABELS: Record<FundsSource, string> = {
  equity: '股权投资',
  loan: '银行贷款',
  self_raised: '企业自筹',
  government_fund: '政府引导基金',
  other: '其他',
};

/** One dated entry of the funds-in-place ledger (到位资金台账), from signing on. */
export interface FundsEntry {
  entryId: string;
  /** 亿元 put in place on `date`. */
  amountYi: number;
  /** YYYY-MM-DD, the day the money arrived (not the day it was recorded). */
  date: string;
  source: FundsSource;
  /** 凭证: a voucher number or document reference. */
  evidence: string;
  recordedBy: Actor;
  recordedAt: number;
}
