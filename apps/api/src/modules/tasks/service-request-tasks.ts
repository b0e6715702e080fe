import { deadlineAt, type PendingTaskAssignee, type ServiceRequestState, type Stage } from '@zs/domain';

/** A step an open service request is waiting for, shaped like the domain's PendingTask (its step names the request). */
export interface ServiceRequestTask {
  projectId: string;
  companyName: string;
  stage: Stage;
  step: `service.accept:${string}` | `service.resolve:${string}` | `service.rate:${string}`;
  stepLabel: string;
  assignee: PendingTaskAssignee;
  deadlineAt: number | null;
  remainingMs: number | null;
  overdue: boolean;
}

/**
 * Who acts on a request until departments are modelled: the Enterprise Service Bureau, which
 * dispatches requests, is alerted first when a department runs late, and records the rating.
 */
export const SERVICE_TASK_ROLE = 'enterprise_service_bureau' as const;

/**
 * What one service request is waiting for at `now`: acceptance against its one-day clock
 * (部门接单), resolution against its category's clock (问题销单), or the firm's rating (no deadline).
 * A closed request waits for nothing. `stage` is its project's stage.
 */
export function serviceRequestTasks(state: ServiceRequestState, stage: Stage, now: number): ServiceRequestTask[] {
  const task = (step: ServiceRequestTask['step'], stepLabel: string, due: number | null): ServiceRequestTask => {
    const remainingMs = due === null ? null : due - now;
    return {
      projectId: state.projectId,
      companyName: state.companyName,
      stage,
      step,
      stepLabel,
      assignee: { role: SERVICE_TASK_ROLE },
      deadlineAt: due,
      remainingMs,
      overdue: remainingMs !== null && remainingMs <= 0,
    };
  };
  switch (state.status) {
    case 'dispatched':
      return [task(`service.accept:${state.requestId}`, `部门接单：${state.title}`, deadlineAt(state.acceptClock, now))];
    case 'accepted':
      return [task(`service.resolve:${state.requestId}`, `问题销单：${state.title}`, state.resolveClock ? deadlineAt(state.resolveClock, now) : null)];
    case 'resolved':
      return [task(`service.rate:${state.requestId}`, `服务评价：${state.title}`, null)];
    default:
      return [];
  }
}
