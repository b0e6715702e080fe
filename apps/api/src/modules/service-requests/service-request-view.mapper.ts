import { serviceRequestWorkflowId } from '@zs/contracts';
import {
  CLOCK_LABELS,
  SATISFACTION_LABELS,
  SERVICE_CATEGORY_LABELS,
  SERVICE_STATUS_LABELS,
  viewClock,
  type ServiceRequestState,
  type SlaClock,
} from '@zs/domain';
import type { ClockViewDto } from '../projects/dto/project-view.dto';
import type { ServiceRequestViewDto } from './dto/service-request-view.dto';

export interface ServiceRequestViewSource {
  state: ServiceRequestState;
  /** The read model's; a workflow result derives it from the request id. */
  workflowId?: string;
  updatedAt?: Date;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The one shape of a service request on the wire, from the read model or a workflow result. State times are epoch ms; the view speaks ISO 8601. */
export function toServiceRequestView({ state, workflowId, updatedAt }: ServiceRequestViewSource, now: number = Date.now()): ServiceRequestViewDto {
  const clocks = [state.acceptClock, ...(state.resolveClock ? [state.resolveClock] : [])];
  return {
    id: state.requestId,
    projectId: state.projectId,
    workflowId: workflowId ?? serviceRequestWorkflowId(state.requestId),
    companyName: state.companyName,
    category: state.category,
    categoryLabel: SERVICE_CATEGORY_LABELS[state.category],
    title: state.title,
    description: state.description,
    department: state.department,
    status: state.status,
    statusLabel: SERVICE_STATUS_LABELS[state.status],
    raisedBy: state.raisedBy,
    raisedAt: iso(state.raisedAt),
    ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
    acceptedBy: state.acceptedBy,
    transfers: state.transfers.map((t) => ({ from: t.from, to: t.to, reason: t.reason, by: t.by, at: iso(t.at) })),
    resolutions: state.resolutions.map((r) => ({ resolution: r.resolution, by: r.by, at: iso(r.at) })),
    ratings: state.ratings.map((r) => ({ rating: r.rating, ratingLabel: SATISFACTION_LABELS[r.rating], comment: r.comment, by: r.by, at: iso(r.at) })),
    reopenCount: state.reopenCount,
    clocks: clocks.map((c) => clockView(c, now)),
  };
}

function clockView(c: SlaClock, now: number): ClockViewDto {
  return { ...viewClock(c, now), label: CLOCK_LABELS[c.clock] };
}
