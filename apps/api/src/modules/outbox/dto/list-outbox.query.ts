import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES, type OutboxChannel, type OutboxStatus } from '@zs/persistence';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { IsOptionalText } from '../../../common/validation/text.decorators';

const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });

export class ListOutboxQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES, description: 'dead_letter: what needs an administrator' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, oneOf(OUTBOX_STATUSES))
  status?: OutboxStatus;

  @ApiPropertyOptional({ enum: OUTBOX_CHANNELS })
  @IsOptional()
  @IsIn(OUTBOX_CHANNELS, oneOf(OUTBOX_CHANNELS))
  channel?: OutboxChannel;

  @ApiPropertyOptional({ maxLength: 2000, description: "One alert's rows: the event key (the notification's dedupeKey), exact match" })
  @IsOptionalText(2000)
  event?: string;
}
