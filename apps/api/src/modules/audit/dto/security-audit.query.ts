import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@zs/persistence';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { IsDateTimeInRange } from '../../../common/validation/shape.decorators';
import { IsOptionalText } from '../../../common/validation/text.decorators';

const timestamp = (property: string) => ({ message: `${property} must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00+08:00` });

/** from (included) and to (excluded): ISO 8601 date-times. */
class TimeRangeQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'events at or after this instant' })
  @IsDateTimeInRange()
  @IsOptional()
  @IsISO8601({ strict: true }, timestamp('from'))
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events before this instant' })
  @IsDateTimeInRange()
  @IsOptional()
  @IsISO8601({ strict: true }, timestamp('to'))
  to?: string;
}

export class ListSecurityEventsQuery extends TimeRangeQuery {
  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS })
  @IsOptional()
  @IsIn(SECURITY_EVENT_KINDS, { message: `kind must be one of: ${SECURITY_EVENT_KINDS.join(', ')}` })
  kind?: SecurityEventKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'the account the event is about' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'the login name as typed (failed logins of unknown names keep it), exact match' })
  @IsOptionalText(100)
  username?: string;
}

export class ListAdminEventsQuery extends TimeRangeQuery {
  @ApiPropertyOptional({ maxLength: 200, example: 'user.password_reset', description: 'exact match, e.g. sla.policy.version_created, calendar.override_set, outbox.retried, user.tokens_revoked' })
  @IsOptionalText(200)
  action?: string;

  @ApiPropertyOptional({ maxLength: 100, description: "the acting administrator's user id" })
  @IsOptionalText(100)
  actor?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'user:6f1c…', description: 'what was acted on, exact match' })
  @IsOptionalText(500)
  subject?: string;
}
