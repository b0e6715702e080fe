import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { listProjectionConflicts, type Database } from '@zs/persistence';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { PaginationQuery } from '../../common/validation/pagination.query';
import { DATABASE } from '../../infrastructure/database.provider';
import { ProjectionConflictPageDto, type ProjectionConflictDto } from './dto/projection-conflict.dto';

/**
 * 记录冲突: projection writes refused because the audit log already held another event under the
 * same sequence number. Each is an invariant violation the engine refuses to hide; the
 * workflow's projection stalls (and retries) until it is resolved.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('admin/projection-conflicts')
export class ProjectionConflictsController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Get()
  @RequirePermission('audit.reconcile')
  @ApiOperation({ summary: 'Refused projection writes (same audit sequence number, other content), newest first' })
  @ApiOkResponse({ type: ProjectionConflictPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  async list(@Query() { page, pageSize }: PaginationQuery): Promise<Page<ProjectionConflictDto>> {
    const { items, total } = await listProjectionConflicts(this.db, pageSize, (page - 1) * pageSize);
    return { items: items.map((c) => ({ ...c, stored: c.stored as Record<string, unknown>, attempted: c.attempted as Record<string, unknown> })), total, page, pageSize };
  }
}
