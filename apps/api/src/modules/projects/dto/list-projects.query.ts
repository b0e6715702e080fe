import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INFO_GRADES, STAGES, type InfoGrade, type Stage } from '@zs/domain';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { IsOptionalText } from '../../../common/validation/text.decorators';

export const PROJECT_SORTS = [
  'registeredAt',
  '-registeredAt',
  'updatedAt',
  '-updatedAt',
  'estimatedInvestmentYi',
  '-estimatedInvestmentYi',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });

export class ListProjectsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES, oneOf(STAGES))
  stage?: Stage;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], oneOf(['true', 'false']))
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptionalText(100)
  industryChain?: string;

  @ApiPropertyOptional({ enum: INFO_GRADES })
  @IsOptional()
  @IsIn(INFO_GRADES, oneOf(INFO_GRADES))
  infoGrade?: InfoGrade;

  @ApiPropertyOptional({ enum: PROJECT_SORTS, default: '-registeredAt', description: 'A leading "-" sorts descending' })
  @IsOptional()
  @IsIn(PROJECT_SORTS, oneOf(PROJECT_SORTS))
  sort: ProjectSort = '-registeredAt';
}
