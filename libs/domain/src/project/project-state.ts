import type { Actor, AuditActor } from '../roles';
import type { Lead } from '../lead';
import type { Stage } from '../stages';
import type { SlaClock } from '../sla/sla-clock';
import type { NegotiationState } from './negotiation-state';
import type { ConstructionState } from './construction-state';
import type { Closure, FulfilmentState } from './fulfilment-state';
import type { Contract, Handover } from './signing-state';
import type { ImportMark, Ownership } from './ownership';
import type { FundsEntry } from './funds';
import type { FirstTax, VisitEntry } from './visits';

export interface InfoRequest {
  requestedAt: number;
  requestedBy: Actor;
  missing: string;
  providedAt: number | null;
  providedBy: Actor | null;
  response: string | null;
}

export interface IntakeDecision {
  action: 'accept' | 'reject';
  reason: string | null;
  decidedBy: Actor;
  decidedAt: number;
}

/** The whole state of one project's workflow; serialisable, carried over on continue-as-new. */
export interface ProjectState {
  projectId: string;
  stage: Stage;
  lead: Lead;
  registeredBy: Actor;
  registeredAt: number;
  intake: {
    clock: SlaClock;
    decision: IntakeDecision | null;
    infoRequests: InfoRequest[];
  };
  /** Set when the intake decision accepts the project (absent in states recorded before negotiation existed). */
  negotiation?: NegotiationState | null;
  contract?: Contract | null;
  handover?: Handover | null;
  construction?: ConstructionState | null;
  fulfilment?: FulfilmentState | null;
  closure?: Closure | null;
  /** Who the project is credited to (issue 10; absent in states recorded before it). */
  ownership?: Ownership;
  /** 到位资金台账: dated funds in place, from signing on (issue 10). */
  funds?: FundsEntry[];
  /** Set when the project was imported with its past (issue 10). */
  imported?: ImportMark | null;
  /** 走访/外出招商 recorded at any open stage (issue 10); apart from negotiation contacts. */
  visits?: VisitEntry[];
  /** 首次纳税, recorded once (issue 10). */
  firstTax?: FirstTax | null;
  /** Some running clock has passed its deadline. */
  overdue: boolean;
  /** Sequence number of the last audit event (1-based). */
  seq: number;
}

/** What one state change records in the append-only audit log. */
export interface AuditEntry {
  seq: number;
  at: number;
  actor: AuditActor;
  action: string;
  payload: Record<string, unknown>;
  stageBefore: Stage | null;
  stageAfter: Stage;
  /**
   * The Temporal update id of the staff step that made this change (absent for timers and for
   * events recorded before issue 8). Lets a client ask whether its uncertain step was applied.
   */
  updateId?: string;
}

export interface Transition {
  state: ProjectState;
  audit: AuditEntry;
}
