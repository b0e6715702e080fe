import type { Actor } from '../roles';
import type { SlaClock } from '../sla/sla-clock';

/** Dates the investor commits to in the contract (当年签约、当年建设、当年投产、当年纳税). */
export interface CommittedDates {
  constructionStart: string;
  equipmentEntry: string;
  production: string;
  firstTax: string;
}

export interface Contract {
  contractNo: string | null;
  contractInvestmentYi: number;
  signedOn: string;
  committed: CommittedDates;
  /** Land and/or factory space taken from the zone's stock (厂房去化), m². */
  landAreaM2: number;
  factoryAreaM2: number;
  recordedBy: Actor;
  recordedAt: number;
}

export interface Commissioner {
  userId: string;
  name: string;
  assignedBy: Actor;
  assignedAt: number;
}

/** Handover to the Project Service Bureau after signing. */
export interface Handover {
  clock: SlaClock;
  commissioner: Commissioner | null;
}
