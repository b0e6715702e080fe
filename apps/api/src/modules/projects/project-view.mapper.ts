import {
  CLOCK_LABELS,
  CONTACT_KIND_LABELS,
  nextFollowUpDueAt,
  STAGE_LABELS,
  viewClock,
  type InfoRequest,
  type IntakeDecision,
  type NegotiationContact,
  type NegotiationState,
  type ProjectState,
} from '@zs/domain';
import type {
  InfoRequestViewDto,
  IntakeDecisionViewDto,
  NegotiationContactViewDto,
  NegotiationViewDto,
  ProjectViewDto,
} from './dto/project-view.dto';

export interface ProjectViewSource {
  state: ProjectState;
  workflowId: string;
  runId?: string;
  updatedAt?: Date;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The one shape of a project on the wire, whether it comes from the read model or from a
 * workflow snapshot. State times are epoch ms; the view speaks ISO 8601.
 */
export function toProjectView({ state, workflowId, runId, updatedAt }: ProjectViewSource, now: number = Date.now()): ProjectViewDto {
  const clock = state.intake.clock;
  return {
    id: state.projectId,
    workflowId,
    ...(runId ? { runId } : {}),
    stage: state.stage,
    stageLabel: STAGE_LABELS[state.stage],
    overdue: state.overdue,
    lead: state.lead,
    registeredBy: state.registeredBy,
    registeredAt: iso(state.registeredAt),
    ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
    intake: {
      decision: state.intake.decision ? decisionView(state.intake.decision) : null,
      infoRequests: state.intake.infoRequests.map(infoRequestView),
    },
    // A project accepted before negotiation existed has none recorded: shown as null, not invented.
    negotiation: state.negotiation ? negotiationView(state.negotiation, state.stage === 'negotiation', now) : null,
    clocks: [{ ...viewClock(clock, now), label: CLOCK_LABELS[clock.clock] }],
  };
}

function negotiationView(n: NegotiationState, inNegotiation: boolean, now: number): NegotiationViewDto {
  const nextDueAt = nextFollowUpDueAt(n.followUp);
  return {
    startedAt: iso(n.startedAt),
    contacts: n.contacts.map(contactView),
    followUp: {
      cadenceMs: n.followUp.cadenceMs,
      lastContactAt: iso(n.followUp.lastContactAt),
      nextDueAt: iso(nextDueAt),
      missedInRow: n.followUp.missedInRow,
      overdue: inNegotiation && now >= nextDueAt,
    },
    outcome: n.outcome
      ? { kind: n.outcome.kind, reason: n.outcome.reason, decidedBy: n.outcome.decidedBy, decidedAt: iso(n.outcome.decidedAt) }
      : null,
  };
}

function contactView(c: NegotiationContact): NegotiationContactViewDto {
  return {
    kind: c.kind,
    kindLabel: CONTACT_KIND_LABELS[c.kind],
    date: c.date,
    participants: c.participants,
    location: c.location,
    outcome: c.outcome,
    recordedBy: c.recordedBy,
    recordedAt: iso(c.recordedAt),
  };
}

function decisionView(d: IntakeDecision): IntakeDecisionViewDto {
  return { action: d.action, reason: d.reason, decidedBy: d.decidedBy, decidedAt: iso(d.decidedAt) };
}

function infoRequestView(r: InfoRequest): InfoRequestViewDto {
  return {
    requestedAt: iso(r.requestedAt),
    requestedBy: r.requestedBy,
    missing: r.missing,
    providedAt: r.providedAt === null ? null : iso(r.providedAt),
    providedBy: r.providedBy,
    response: r.response,
  };
}
