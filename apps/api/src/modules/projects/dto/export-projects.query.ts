import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListProjectsQuery } from './list-projects.query';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** GET /projects/export: the filters and sort of GET /projects (no paging: every matching project) and the file format. */
export class ExportProjectsQuery extends OmitType(ListProjectsQuery, ['page', 'pageSize'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'format must be csv or xlsx（导出格式须为 csv 或 xlsx）' })
  format?: ExportFormat;
}
