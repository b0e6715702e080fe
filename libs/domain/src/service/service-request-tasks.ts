import { clockDue, fixedDue, pendingTaskAt, type PendingTask, type PendingTaskRecord, type TaskDue } from '../project/pending-tasks';
import type { Stage } from '../stages';
import type { ServiceRequestState } from './service-request-state';

/** The step codes of a service request's tasks: each names its request. */
export type ServiceRequestStep = `service.accept:${string}` | `service.resolve:${string}` | `service.rate:${string}`;

/** A step an open service request is waiting for, shaped like a project's task (its step names the request). */
export type ServiceRequestTask = PendingTask<ServiceRequestStep>;

/** The same, independent of the time: what the pending_tasks read model stores. */
export type ServiceRequestTaskRecord = PendingTaskRecord<ServiceRequestStep>;

/**
 * Who acts on a request until departments are modelled: the Enterprise Service Bureau, which
 * dispatches requests, is alerted first when a department runs late, and records the rating.
 */
export const SERVICE_TASK_ROLE = 'enterprise_service_bureau' as const;

/**
 * What one service request is waiting for: acceptance against its one-day clock (部门接单),
 * resolution against its category's clock (问题销单), or the firm's rating (no deadline). A closed
 * request waits for nothing. `stage` is its project's stage. Independent of the time.
 */
export function serviceRequestTaskRecords(state: ServiceRequestState, stage: Stage): ServiceRequestTaskRecord[] {
  const task = (step: ServiceRequestStep, stepLabel: string, due: TaskDue): ServiceRequestTaskRecord => ({
    projectId: state.projectId,
    companyName: state.companyName,
    stage,
    step,
    stepLabel,
    assignee: { role: SERVICE_TASK_ROLE },
    ...due,
  });
  switch (state.status) {
    case 'dispatched':
      return [task(`service.accept:${state.requestId}`, `部门接单：${state.title}`, clockDue(state.acceptClock))];
    case 'accepted':
      return [task(`service.resolve:${state.requestId}`, `问题销单：${state.title}`, state.resolveClock ? clockDue(state.resolveClock) : fixedDue(null))];
    case 'resolved':
      return [task(`service.rate:${state.requestId}`, `服务评价：${state.title}`, fixedDue(null))];
    default:
      return [];
  }
}

/** What one service request is waiting for at `now` (serviceRequestTaskRecords at `now`). */
export function serviceRequestTasks(state: ServiceRequestState, stage: Stage, now: number): ServiceRequestTask[] {
  return serviceRequestTaskRecords(state, stage).map((record) => pendingTaskAt(record, now));
}
