import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SERVICE_CATEGORIES, SERVICE_STATUSES, type ServiceCategory, type ServiceStatus } from '@zs/domain';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { IsOptionalText } from '../../../common/validation/text.decorators';

const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });

/** One project's requests. */
export class ListProjectServiceRequestsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: SERVICE_STATUSES })
  @IsOptional()
  @IsIn(SERVICE_STATUSES, oneOf(SERVICE_STATUSES))
  status?: ServiceStatus;
}

/** Every project's requests, for the service bureaus' desk. */
export class ListServiceRequestsQuery extends ListProjectServiceRequestsQuery {
  @ApiPropertyOptional({ maxLength: 2000, description: 'The department the request is with now (exact match)' })
  @IsOptionalText(2000)
  department?: string;

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES, oneOf(SERVICE_CATEGORIES))
  category?: ServiceCategory;
}
