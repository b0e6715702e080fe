import { Inject, Injectable } from '@nestjs/common';
import { STAGE_LABELS } from '@zs/domain';
import { listPendingTasks, type Database, type QueueTask } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import type { ListTasksQuery } from './dto/list-tasks.query';
import type { TaskViewDto } from './dto/task-view.dto';

/**
 * The staff work queue: what each open project is waiting for (domain `pendingTaskRecords`) and
 * what each open service request is waiting for (`serviceRequestTaskRecords`), kept to the
 * caller's own tasks (`isTaskFor`), in the order of `comparePendingTasks`.
 *
 * SCALE (issue 12): the tasks are a read model, `pending_tasks`, which the projection rewrites in
 * the transaction that writes the project's (or the request's) read model; this filters, orders,
 * counts and pages it in SQL (`listPendingTasks`), so a request reads one page, not every open
 * project. Only remainingMs and overdue depend on the time of the request: computed from the
 * stored deadline at `now`.
 */
@Injectable()
export class TasksService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(caller: AuthenticatedUser, query: ListTasksQuery): Promise<Page<TaskViewDto>> {
    const overdue = query.overdue === undefined ? undefined : query.overdue === 'true';
    const { items, total } = await listPendingTasks(
      this.db,
      { viewer: { userId: caller.id, role: caller.role }, stage: query.stage, overdue, page: query.page, pageSize: query.pageSize },
      Date.now(),
    );
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
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
