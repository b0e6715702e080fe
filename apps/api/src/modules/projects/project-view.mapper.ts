import { CLOCK_LABELS, STAGE_LABELS, viewClock, type InfoRequest, type IntakeDecision, type ProjectState } from '@zs/domain';
import type { InfoRequestViewDto, IntakeDecisionViewDto, ProjectViewDto } from './dto/project-view.dto';

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
    clocks: [{ ...viewClock(clock, now), label: CLOCK_LABELS[clock.clock] }],
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
