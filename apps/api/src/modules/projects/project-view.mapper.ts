import {
  CLOCK_LABELS,
  CONTACT_KIND_LABELS,
  endOfShanghaiDay,
  MILESTONE_LABELS,
  nextFollowUpDueAt,
  projectIntervals,
  STAGE_LABELS,
  viewClock,
  type Commissioner,
  type ConstructionState,
  type Contract,
  type InfoRequest,
  type IntakeDecision,
  type MilestoneNode,
  type NegotiationContact,
  type NegotiationState,
  type PlanVersion,
  type ProgressEntry,
  type ProjectState,
  type SlaClock,
} from '@zs/domain';
import type {
  ClockViewDto,
  CommissionerViewDto,
  ConstructionViewDto,
  ContractViewDto,
  InfoRequestViewDto,
  IntakeDecisionViewDto,
  MilestoneNodeViewDto,
  NegotiationContactViewDto,
  NegotiationViewDto,
  PlanVersionViewDto,
  ProgressEntryViewDto,
  ProjectViewDto,
} from './dto/project-view.dto';
import { recordKeepingView } from './record-keeping-view.mapper';

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
  // States recorded before signing existed have no contract, handover or plan: shown as null.
  const clocks = [state.intake.clock, ...(state.handover ? [state.handover.clock] : [])];
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
    contract: state.contract ? contractView(state.contract) : null,
    handover: state.handover ? { commissioner: state.handover.commissioner ? commissionerView(state.handover.commissioner) : null } : null,
    construction: state.construction ? constructionView(state.construction, now) : null,
    fulfilment: state.fulfilment
      ? {
          nextCheckDueAt: iso(state.fulfilment.nextCheckDueAt),
          checks: state.fulfilment.checks.map((c) => ({ ...c, checkedAt: iso(c.checkedAt) })),
        }
      : null,
    closure: state.closure ? { ...state.closure, closedAt: iso(state.closure.closedAt) } : null,
    intervals: projectIntervals(state),
    clocks: clocks.map((c) => clockView(c, now)),
    ...recordKeepingView(state),
  };
}

function clockView(c: SlaClock, now: number): ClockViewDto {
  return { ...viewClock(c, now), label: CLOCK_LABELS[c.clock] };
}

function contractView(c: Contract): ContractViewDto {
  return {
    contractNo: c.contractNo,
    contractInvestmentYi: c.contractInvestmentYi,
    signedOn: c.signedOn,
    committed: { ...c.committed },
    landAreaM2: c.landAreaM2,
    factoryAreaM2: c.factoryAreaM2,
    recordedBy: c.recordedBy,
    recordedAt: iso(c.recordedAt),
  };
}

function commissionerView(c: Commissioner): CommissionerViewDto {
  return { userId: c.userId, name: c.name, assignedBy: c.assignedBy, assignedAt: iso(c.assignedAt) };
}

function constructionView(c: ConstructionState, now: number): ConstructionViewDto {
  return {
    nodes: c.nodes.map((n) => nodeView(n, now)),
    versions: c.versions.map(versionView),
    progress: c.progress.map(progressView),
  };
}

function nodeView(n: MilestoneNode, now: number): MilestoneNodeViewDto {
  return {
    kind: n.kind,
    label: MILESTONE_LABELS[n.kind],
    responsible: { userId: n.responsible.userId, name: n.responsible.name },
    todos: n.todos,
    dueOn: n.dueOn,
    completedOn: n.completedOn,
    evidence: n.evidence,
    completedBy: n.completedBy,
    // Due by the end of the due day in Asia/Shanghai, as the workflow's escalation ladder counts it.
    overdue: n.completedOn === null && now >= endOfShanghaiDay(n.dueOn),
    escalatedLevels: n.escalated,
  };
}

function versionView(v: PlanVersion): PlanVersionViewDto {
  return { version: v.version, createdAt: iso(v.createdAt), createdBy: v.createdBy, reason: v.reason, dueDates: { ...v.dueDates } };
}

function progressView(p: ProgressEntry): ProgressEntryViewDto {
  return { date: p.date, note: p.note, recordedBy: p.recordedBy, recordedAt: iso(p.recordedAt) };
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
