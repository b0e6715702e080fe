import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/validation/pagination.query';

/** One project, or a page of projects (in id order; page and pageSize count projects, not discrepancies). */
export class ReconciliationQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Reconcile this project only (its workflow and its service requests)' })
  @IsOptional()
  @IsUUID(undefined, { message: 'projectId must be a UUID' })
  projectId?: string;
}
