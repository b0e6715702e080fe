import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOUBLE_HALF_STATUSES, TARGET_MEASURES, TARGET_SCOPE_KINDS, type TargetScopeKind } from '@zs/domain';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsOptionalDateShape, IsOptionalJsonNumber } from '../../../common/validation/shape.decorators';
import { ToInteger } from '../../../common/validation/query-transforms';

/** PUT /targets: one scope's annual target; every measure is replaced (omitted or null = not set). */
export class PutTargetDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt({ message: 'year must be a whole number（年度须为整数）' })
  year!: number;

  @ApiProperty({ enum: TARGET_SCOPE_KINDS, description: '目标对象：部门、小分队、招商人员或全区' })
  @IsIn(TARGET_SCOPE_KINDS, { message: `scopeKind must be one of: ${TARGET_SCOPE_KINDS.join(', ')}（目标对象类型不正确）` })
  scopeKind!: TargetScopeKind;

  @ApiPropertyOptional({ description: '部门 id、小分队 id 或用户 id；scopeKind=zone 时省略' })
  @IsOptional()
  @IsString({ message: 'scopeId must be a string' })
  @Length(1, 200, { message: 'scopeId must be 1 to 200 characters（目标对象编号不能为空）' })
  scopeId?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '合同引资额目标（亿元）' }) @IsOptionalJsonNumber() contractInvestmentYi?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '实际到位资金目标（亿元）' }) @IsOptionalJsonNumber() fundsInPlaceYi?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '1亿元以上项目数目标' }) @IsOptionalJsonNumber() countGe1?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '5亿元以上项目数目标' }) @IsOptionalJsonNumber() countGe5?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '10亿元以上项目数目标' }) @IsOptionalJsonNumber() countGe10?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '500强项目数目标' }) @IsOptionalJsonNumber() fortune500Count?: number | null;
}

export class TargetDto {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: TARGET_SCOPE_KINDS }) scopeKind!: string;
  @ApiProperty() scopeId!: string;
  @ApiProperty({ description: '目标对象名称（部门、小分队、人员名；全区）' }) scopeName!: string;
  @ApiProperty({ type: Number, nullable: true }) contractInvestmentYi!: number | null;
  @ApiProperty({ type: Number, nullable: true }) fundsInPlaceYi!: number | null;
  @ApiProperty({ type: Number, nullable: true }) countGe1!: number | null;
  @ApiProperty({ type: Number, nullable: true }) countGe5!: number | null;
  @ApiProperty({ type: Number, nullable: true }) countGe10!: number | null;
  @ApiProperty({ type: Number, nullable: true }) fortune500Count!: number | null;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
}

export class TargetsQuery {
  @ApiProperty({ example: 2026 })
  @ToInteger()
  @Max(2100, { message: 'year must be at most 2100' })
  @Min(2000, { message: 'year must be at least 2000' })
  @IsInt({ message: 'year must be a whole number（年度须为整数）' })
  year!: number;

  @ApiPropertyOptional({ enum: TARGET_SCOPE_KINDS })
  @IsOptional()
  @IsIn(TARGET_SCOPE_KINDS, { message: `scopeKind must be one of: ${TARGET_SCOPE_KINDS.join(', ')}（目标对象类型不正确）` })
  scopeKind?: TargetScopeKind;
}

export class TargetProgressQuery extends TargetsQuery {
  @ApiPropertyOptional({ example: '2026-06-30', description: '查询日（默认今天，Asia/Shanghai）' })
  @IsOptionalDateShape()
  asOf?: string;
}

export class MeasureProgressDto {
  @ApiProperty({ enum: TARGET_MEASURES }) measure!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty() actual!: number;
  @ApiProperty({ type: Number, nullable: true, description: '完成比例（%）' }) percent!: number | null;
}

export class HalfFigureDto {
  @ApiProperty() actual!: number;
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
}

export class DoubleHalfDto {
  @ApiProperty({ enum: DOUBLE_HALF_STATUSES }) status!: string;
  @ApiProperty({ example: '已实现' }) label!: string;
  @ApiProperty({ example: '2026-06-30' }) deadline!: string;
  @ApiProperty() evaluatedTo!: string;
  @ApiProperty({ type: HalfFigureDto }) contractInvestment!: HalfFigureDto;
  @ApiProperty({ type: HalfFigureDto }) fundsInPlace!: HalfFigureDto;
  @ApiProperty({ description: '6月30日前：进度正常所需的最低完成比例（%）' }) requiredPercentToDate!: number;
}

export class TargetProgressDto {
  @ApiProperty({ type: TargetDto }) target!: TargetDto;
  @ApiProperty({ description: '实际数统计至（含）' }) to!: string;
  @ApiProperty({ type: [MeasureProgressDto] }) measures!: MeasureProgressDto[];
  @ApiProperty({ type: DoubleHalfDto }) doubleHalf!: DoubleHalfDto;
}

export class TargetProgressReportDto {
  @ApiProperty() year!: number;
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: '"双过半"的判定规则（中文）' }) doubleHalfDefinition!: string;
  @ApiProperty({ type: [TargetProgressDto] }) items!: TargetProgressDto[];
}
