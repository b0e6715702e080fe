import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInteger } from '../../../common/validation/query-transforms';

/** Long projects hold thousands of events (years of service requests and clocks): read them a page at a time. */
export const MAX_HISTORY_PAGE_SIZE = 500;
export const DEFAULT_HISTORY_PAGE_SIZE = 200;

/** page is 1-based; the type check sits last (class-validator runs a property's checks bottom-up). */
export class HistoryQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @ToInteger()
  @Max(1_000_000, { message: 'page must be at most 1000000 (页码不得超过1000000)' })
  @Min(1, { message: 'page must be at least 1 (页码至少为1)' })
  @IsInt({ message: 'page must be a whole number (页码须为整数)' })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HISTORY_PAGE_SIZE, default: DEFAULT_HISTORY_PAGE_SIZE })
  @IsOptional()
  @ToInteger()
  @Max(MAX_HISTORY_PAGE_SIZE, { message: `pageSize must be at most ${MAX_HISTORY_PAGE_SIZE} (每页最多${MAX_HISTORY_PAGE_SIZE}条)` })
  @Min(1, { message: 'pageSize must be at least 1 (每页至少1条)' })
  @IsInt({ message: 'pageSize must be a whole number (每页条数须为整数)' })
  pageSize: number = DEFAULT_HISTORY_PAGE_SIZE;
}
