import type { Actor } from '../roles';
import { BUILT_IN_FOLLOW_UP_LADDER, type FollowUpLadder } from '../sla/follow-up-policy';

/** 洽谈: a visit, site inspection or meeting with the investor. */
export const CONTACT_KINDS = ['visit', 'site_inspection', 'meeting', 'call'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  visit: '拜访',
  site_inspection: '实地考察',
  meeting: '洽谈会议',
  call: '电话沟通',
};

export interface NegotiationContact {
  kind: ContactKind;
  /** Calendar date of the contact, YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  participants: string;
  location: string;
  outcome: string;
  recordedBy: Actor;
  recordedAt: number;
}

export interface FollowUp {
  cadenceMs: number;
  /** Last follow-up (or the start of negotiation); the next is due one cadence later. */
  lastContactAt: number;
  /** Follow-ups missed since the last contact. */
  missedInRow: number;
  /**
   * Who is alerted at which miss, from the follow_up:<grade> policy when the negotiation started
   * (which also set `cadenceMs`). Absent when it started before cadences were policies: those run
   * by the built-in FOLLOW_UP_POLICY (see followUpLadderOf).
   */
  ladder?: FollowUpLadder | null;
}

export interface NegotiationOutcome {
  kind: 'proceed' | 'lost';
  reason: string | null;
  decidedBy: Actor;
  decidedAt: number;
}

export interface NegotiationState {
  startedAt: number;
  contacts: NegotiationContact[];
  followUp: FollowUp;
  outcome: NegotiationOutcome | null;
}

/** When the next follow-up is due (after `missedInRow` misses, one cadence later still). */
export function nextFollowUpDueAt(f: FollowUp): number {
  return f.lastContactAt + f.cadenceMs * (f.missedInRow + 1);
}

export function followUpLadderOf(f: FollowUp): FollowUpLadder {
  return f.ladder ?? BUILT_IN_FOLLOW_UP_LADDER;
}
