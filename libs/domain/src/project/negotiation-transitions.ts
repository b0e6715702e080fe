import { DomainError, ERROR_CODES } from '../errors';
import { requireDate, requireNotFuture } from './calendar-dates';
import type { Actor, AuditActor } from '../roles';
import { FOLLOW_UP_POLICY, followUpAlertsAt, type FollowUpAlertLevel } from '../sla/follow-up-policy';
import { RESPONSIBLE } from '../sla/policy-definition';
import { STAGE_LABELS } from '../stages';
import { CONTACT_KIND_LABELS, CONTACT_KINDS, followUpLadderOf, nextFollowUpDueAt, type ContactKind, type NegotiationState } from './negotiation-state';
import type { ProjectState, Transition } from './project-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized } from '../i18n/localized';

export interface RecordContactCommand {
  kind: ContactKind;
  date: string;
  participants: string;
  location: string;
  outcome: string;
}

export const NEGOTIATION_OUTCOMES = ['proceed', 'lost'] as const;
export type NegotiationOutcomeKind = (typeof NEGOTIATION_OUTCOMES)[number];
export const NEGOTIATION_OUTCOME_LABELS: Record<NegotiationOutcomeKind, string> = { proceed: '转入签约', lost: '项目流失' };

export interface ConcludeNegotiationCommand {
  outcome: NegotiationOutcomeKind;
  /** Required when the project is lost. */
  reason?: string;
}

/** The negotiation state; a project accepted before negotiation existed starts it at its decision. */
export function negotiationOf(state: ProjectState): NegotiationState {
  if (state.negotiation) return state.negotiation;
  const startedAt = state.intake.decision?.decidedAt ?? state.registeredAt;
  return startNegotiation(state, startedAt);
}

export function startNegotiation(state: ProjectState, now: number): NegotiationState {
  return {
    startedAt: now,
    contacts: [],
    followUp: { cadenceMs: FOLLOW_UP_POLICY.cadenceMs[state.lead.infoGrade], lastContactAt: now, missedInRow: 0 },
    outcome: null,
  };
}

function requireNegotiationStage(state: ProjectState): void {
  if (state.stage !== 'negotiation') {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`项目处于「${STAGE_LABELS[state.stage]}」阶段，不在洽谈阶段`, `project is in stage ${state.stage} (${STAGE_LABELS[state.stage]}), not in negotiation`));
  }
}

/** A visit, inspection, meeting or call: recorded, and the follow-up cadence restarts from now. */
export function recordNegotiationContact(state: ProjectState, cmd: RecordContactCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'negotiation.record_contact');
  requireNegotiationStage(state);
  if (!cmd || !(CONTACT_KINDS as readonly string[]).includes(cmd.kind)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`洽谈方式须为以下之一：${CONTACT_KINDS.map((k) => `${k}（${CONTACT_KIND_LABELS[k]}）`).join('、')}`, `kind must be one of ${CONTACT_KINDS.join(', ')}`), 'kind');
  }
  const date = requireNotFuture(requireDate(cmd.date, 'date'), now, 'date');
  const contact = {
    kind: cmd.kind,
    date,
    participants: requireText(cmd.participants, 'participants'),
    location: requireText(cmd.location, 'location'),
    outcome: requireText(cmd.outcome, 'outcome'),
    recordedBy: actor,
    recordedAt: now,
  };
  const negotiation = negotiationOf(state);
  return next(
    state,
    {
      negotiation: { ...negotiation, contacts: [...negotiation.contacts, contact], followUp: { ...negotiation.followUp, lastContactAt: now, missedInRow: 0 } },
      overdue: false,
    },
    now,
    actor,
    'negotiation.contact_recorded',
    { kind: contact.kind, date, participants: contact.participants, location: contact.location, outcome: contact.outcome },
  );
}

/**
 * The follow-up due now was not made: the levels of the negotiation's ladder due at this miss
 * are alerted (by default the owner at each miss, the bureau head at every third in a row).
 * `escalated` when one of them is someone other than the owner.
 */
export function missFollowUp(state: ProjectState, actor: AuditActor, now: number): Transition & { escalated: boolean; alerts: FollowUpAlertLevel[] } {
  const negotiation = negotiationOf(state);
  const dueAt = nextFollowUpDueAt(negotiation.followUp);
  const missedInRow = negotiation.followUp.missedInRow + 1;
  const alerts = followUpAlertsAt(followUpLadderOf(negotiation.followUp), missedInRow);
  const escalated = alerts.some((a) => a.notify !== RESPONSIBLE);
  const highest = alerts.at(-1);
  const t = next(
    state,
    { negotiation: { ...negotiation, followUp: { ...negotiation.followUp, missedInRow } }, overdue: true },
    now,
    actor,
    escalated ? 'negotiation.follow_up_escalated' : 'negotiation.follow_up_missed',
    { dueAt: new Date(dueAt).toISOString(), missedInRow, notify: highest ? (highest.notify === RESPONSIBLE ? 'owner' : highest.notify) : null },
  );
  return { ...t, escalated, alerts };
}

/** 洽谈结果: proceed to signing, or lost (with the reason). */
export function concludeNegotiation(state: ProjectState, cmd: ConcludeNegotiationCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'negotiation.conclude');
  requireNegotiationStage(state);
  if (!cmd || !(NEGOTIATION_OUTCOMES as readonly string[]).includes(cmd.outcome)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`洽谈结果须为以下之一：${NEGOTIATION_OUTCOMES.map((k) => `${k}（${NEGOTIATION_OUTCOME_LABELS[k]}）`).join('、')}`, `outcome must be one of ${NEGOTIATION_OUTCOMES.join(', ')}`), 'outcome');
  }
  const reason = cmd.outcome === 'lost' ? requireText(cmd.reason, 'reason') : cmd.reason ? requireText(cmd.reason, 'reason') : null;
  const negotiation = negotiationOf(state);
  return next(
    state,
    {
      stage: cmd.outcome === 'proceed' ? 'signing' : 'lost',
      negotiation: { ...negotiation, outcome: { kind: cmd.outcome, reason, decidedBy: actor, decidedAt: now } },
      overdue: false,
    },
    now,
    actor,
    cmd.outcome === 'proceed' ? 'negotiation.proceeded_to_signing' : 'negotiation.lost',
    { reason },
  );
}
