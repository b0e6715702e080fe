import type { Actor } from '../roles';

/** 走访 / 外出招商: what kind of contact was made, at any open stage (not only in negotiation). */
export const VISIT_KINDS = ['visit', 'site_inspection', 'meeting', 'call', 'trip'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  visit: '走访',
  site_inspection: '实地考察',
  meeting: '会谈',
  call: '电话沟通',
  trip: '外出招商',
};

export interface VisitEntry {
  kind: VisitKind;
  /** YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  participants: string;
  summary: string;
  /** The stage the project was in when the visit was recorded. */
  stage: string;
  recordedBy: Actor;
  recordedAt: number;
}

/** 首次纳税: the actual date the firm first paid tax in the zone, recorded once. */
export interface FirstTax {
  date: string;
  /** 万元, when known. */
  amountWanYuan: number | null;
  recordedBy: Actor;
  recordedAt: number;
}
