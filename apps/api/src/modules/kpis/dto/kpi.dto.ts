import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class KpiDefinitionDto {
  @ApiProperty({ example: 'fulfilment_rate' }) code!: string;
  @ApiProperty({ example: '履约率' }) label!: string;
  @ApiProperty({ description: '计算规则（中文）' }) formula!: string;
  @ApiProperty({ enum: ['%', '天', '亿元', '个'] }) unit!: string;
}

export class KpiValueDto {
  @ApiProperty({ type: Number, nullable: true, description: 'numerator ÷ denominator（% 为 ×100）；无分母时为 null' }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '计数、合计类指标为 null' }) denominator!: number | null;
}

export class KpiRowDto {
  @ApiProperty({ type: String, nullable: true, description: '分组 id（部门/小分队/用户/产业链/攻势 id 或期间）；null 为未归属' }) group!: string | null;
  @ApiProperty() groupLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-Q2' }) period!: string | null;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty({ description: '该组项目数（不限统计期）' }) projectCount!: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/KpiValueDto' }, description: '每个指标代码的值' })
  kpis!: Record<string, KpiValueDto>;
}

export class KpiTableDto {
  @ApiProperty() groupBy!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) period!: string | null;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [KpiDefinitionDto] }) definitions!: KpiDefinitionDto[];
  @ApiProperty({ type: [KpiRowDto] }) rows!: KpiRowDto[];
}
