import { shanghaiDate } from '../project/calendar-dates';
import { activeElapsedMs } from '../sla/sla-clock';
import type { SatisfactionRating, ServiceCategory, ServiceRequestState, ServiceStatus } from '../service/service-request-state';

/**
 * Per-request facts for 服务请求按时办结率 and 满意度. A request is credited to its project's owner
 * (joined through projectId), so the KPIs group like every other one.
 */
export interface ServiceRequestFacts {
  requestId: string;
  projectId: string;
  category: ServiceCategory;
  department: string;
  status: ServiceStatus;
  raisedOn: string;
  /** 销单: the firm's closing rating (satisfied or basically satisfied); null while open. */
  closedOn: string | null;
  /**
   * The last resolution came within its limit, paused time excluded (a reopened request is judged
   * by the clock that ran after reopening); null while no resolve clock has stopped.
   */
  resolvedWithinLimit: boolean | null;
  /** Every rating recorded (an "unsatisfied" one reopened the request), oldest first. */
  ratings: Array<{ on: string; rating: SatisfactionRating }>;
}

export function toServiceRequestFacts(state: ServiceRequestState): ServiceRequestFacts {
  const clock = state.resolveClock;
  const stopped = clock && clock.stoppedAt !== null ? clock : null;
  const closing = state.status === 'closed' && state.ratings.length > 0 ? state.ratings[state.ratings.length - 1] : null;
  return {
    requestId: state.requestId,
    projectId: state.projectId,
    category: state.category,
    department: state.department,
    status: state.status,
    raisedOn: shanghaiDate(state.raisedAt),
    closedOn: closing ? shanghaiDate(closing.at) : null,
    resolvedWithinLimit: stopped ? activeElapsedMs(stopped, stopped.stoppedAt!) <= stopped.budgetMs : null,
    ratings: state.ratings.map((r) => ({ on: shanghaiDate(r.at), rating: r.rating })),
  };
}
