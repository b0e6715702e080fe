import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../../common/validation/pagination.query';

const BOOLEAN_TEXT = ['true', 'false'] as const;

/** GET /notifications: a page of the caller's inbox, all of it or only what they have not read. */
export class InboxQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'true: only the alerts the caller has not read yet' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, { message: ({ property }) => `${property} must be one of: ${BOOLEAN_TEXT.join(', ')}` })
  unread?: (typeof BOOLEAN_TEXT)[number];
}
