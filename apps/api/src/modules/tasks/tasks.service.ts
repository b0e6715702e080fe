import { Inject, Injectable } from '@nestjs/common';
import { comparePendingTasks, isTaskFor, pendingTasks, STAGE_LABELS, type PendingTask } from '@zs/domain';
import { openProjectStates, openServiceRequests, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import type { ListTasksQuery } from './dto/list-tasks.query';
import type { TaskViewDto } from './dto/task-view.dto';
import { serviceRequestTasks, type ServiceRequestTask } from './service-request-tasks';

/** A project step or a service request step: the same shape, in one queue. */
type QueueTask = PendingTask | ServiceRequestTask;

/**
 * The staff work queue: what each open project is waiting for (domain `pendingTasks`) and what each
 * open service request is waiting for (`serviceRequestTasks`), kept to the caller's own tasks.
 * Nothing is stored; tasks are derived from the read models on every request.
 *
 * SCALE: this loads the state of every non-terminal project and filters in memory. That is fine for
 * a development zone's thousands of open projects; if the open-project count grows past tens of
 * thousands, a later issue should maintain a pending-tasks table (written with the read model, by
 * the workflow's activity) and page it in SQL.
 */
@Injectable()
export class TasksService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(caller: AuthenticatedUser, query: ListTasksQuery): Promise<Page<TaskViewDto>> {
    const now = Date.now();
    const viewer = { userId: caller.id, role: caller.role };
    const overdue = query.overdue === undefined ? undefined : query.overdue === 'true';
    const projectTasks = (await openProjectStates(this.db, query.stage)).flatMap((state) => pendingTasks(state, now)).filter((t) => isTaskFor(t, viewer));
    // Service request steps are addressed to a role as a whole (no one person is named).
    const requestTasks = (await openServiceRequests(this.db, query.stage)).flatMap((r) => serviceRequestTasks(r.state, r.stage, now)).filter((t) => t.assignee.role === viewer.role);
    const tasks: QueueTask[] = [...projectTasks, ...requestTasks].filter((t) => overdue === undefined || t.overdue === overdue);
    // Array.prototype.sort is stable: a project's own tasks keep their lifecycle order on ties.
    // The order reads only overdue, deadlineAt and projectId, which both kinds of task carry alike.
    tasks.sort((a, b) => comparePendingTasks(a as PendingTask, b as PendingTask));
    const start = (query.page - 1) * query.pageSize;
    return { items: tasks.slice(start, start + query.pageSize).map(toView), total: tasks.length, page: query.page, pageSize: query.pageSize };
  }
}

function toView(t: QueueTask): TaskViewDto {
  return {
    projectId: t.projectId,
    companyName: t.companyName,
    stage: t.stage,
    stageLabel: STAGE_LABELS[t.stage],
    step: t.step,
    stepLabel: t.stepLabel,
    assignee: { role: t.assignee.role, userId: t.assignee.userId ?? null },
    deadlineAt: t.deadlineAt === null ? null : new Date(t.deadlineAt).toISOString(),
    remainingMs: t.remainingMs,
    overdue: t.overdue,
  };
}
