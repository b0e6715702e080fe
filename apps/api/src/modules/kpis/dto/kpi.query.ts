import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { KPI_GROUP_BYS, KPI_PERIODS, type KpiGroupBy, type KpiPeriod } from '@zs/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsOptionalDateShape } from '../../../common/validation/shape.decorators';

/** GET /kpis and /kpis/export: the grouping, the window and the filters (all by the owner's credit except chain and campaign). */
export class KpiQuery {
  @ApiPropertyOptional({ enum: KPI_GROUP_BYS, default: 'department', description: '分组：按项目归属（负责人）的部门、小分队、人员，或产业链、招商攻势、期间；reporter/reporter_department 按报送人' })
  @IsOptional()
  @IsIn(KPI_GROUP_BYS, { message: `groupBy must be one of: ${KPI_GROUP_BYS.join(', ')}（分组方式不正确）` })
  groupBy?: KpiGroupBy;

  @ApiPropertyOptional({ enum: KPI_PERIODS, description: '按月/季度/年分期（groupBy=period 时默认 month）' })
  @IsOptional()
  @IsIn(KPI_PERIODS, { message: `period must be one of: ${KPI_PERIODS.join(', ')}（统计期间不正确）` })
  period?: KpiPeriod;

  @ApiPropertyOptional({ example: '2026-01-01', description: '统计期起始日（含），YYYY-MM-DD' })
  @IsOptionalDateShape()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '统计期截止日（含），YYYY-MM-DD' })
  @IsOptionalDateShape()
  to?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: '统计截止日（默认今天，Asia/Shanghai）：其后发生的事件不计入' })
  @IsOptionalDateShape()
  asOf?: string;

  @ApiPropertyOptional({ description: '归属部门 id' })
  @IsOptional()
  @IsString({ message: 'department must be a string' })
  @Length(1, 200, { message: 'department must be 1 to 200 characters（部门不能为空）' })
  department?: string;

  @ApiPropertyOptional({ description: '归属小分队 id' })
  @IsOptional()
  @IsString({ message: 'team must be a string' })
  @Length(1, 200, { message: 'team must be 1 to 200 characters（小分队不能为空）' })
  team?: string;

  @ApiPropertyOptional({ description: '产业链' })
  @IsOptional()
  @IsString({ message: 'chain must be a string' })
  @Length(1, 200, { message: 'chain must be 1 to 200 characters（产业链不能为空）' })
  chain?: string;

  @ApiPropertyOptional({ description: '招商攻势 id' })
  @IsOptional()
  @IsString({ message: 'campaign must be a string' })
  @Length(1, 200, { message: 'campaign must be 1 to 200 characters（招商攻势不能为空）' })
  campaign?: string;

  @ApiPropertyOptional({ description: '归属招商人员（用户 id）' })
  @IsOptional()
  @IsString({ message: 'officer must be a string' })
  @Length(1, 200, { message: 'officer must be 1 to 200 characters（招商人员不能为空）' })
  officer?: string;
}

export class KpiExportQuery extends KpiQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx（导出格式须为 csv 或 xlsx）' })
  format?: 'csv' | 'xlsx';
}

/** GET /kpis/city: the window only (each zone is one row). */
export class CityKpiQuery extends PickType(KpiQuery, ['from', 'to', 'asOf'] as const) {}
