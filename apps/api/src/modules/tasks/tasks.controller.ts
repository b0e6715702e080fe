import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { ListTasksQuery } from './dto/list-tasks.query';
import { TaskPageDto, type TaskViewDto } from './dto/task-view.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @RequirePermission('project.read')
  @ApiOperation({
    summary: "The caller's work queue: steps open projects are waiting for from them, overdue first, then by deadline",
    description:
      'Tasks named to the caller, tasks addressed to the caller\'s role as a whole, and for the Project Service Bureau ' +
      "every task of the bureau's people. Open service requests add their next step (accept, resolve, rate) to the Enterprise Service Bureau's queue. " +
      'Read from the pending-tasks read model, which each step rewrites in the transaction that records it; remaining time and overdue are ' +
      'computed at request time. Roles with no steps (auditor, admin) get an empty list.',
  })
  @ApiOkResponse({ type: TaskPageDto })
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: ListTasksQuery): Promise<Page<TaskViewDto>> {
    return this.tasks.list(caller, query);
  }
}
