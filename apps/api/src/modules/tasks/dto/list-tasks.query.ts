import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STAGES, type Stage } from '@zs/domain';
import { PaginationQuery } from '../../../common/validation/pagination.query';

const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });

export class ListTasksQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: STAGES, description: "Only tasks of projects in this stage" })
  @IsOptional()
  @IsIn(STAGES, oneOf(STAGES))
  stage?: Stage;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only tasks past (true) or not past (false) their deadline' })
  @IsOptional()
  @IsIn(['true', 'false'], oneOf(['true', 'false']))
  overdue?: 'true' | 'false';
}
