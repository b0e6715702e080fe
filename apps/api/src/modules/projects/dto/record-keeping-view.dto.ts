import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUNDS_SOURCES, VISIT_KINDS, type FundsSource, type VisitKind } from '@zs/domain';
import { ActorDto } from './actor.dto';

/** A person credited with a project: who, their department and team (小分队) when credited. */
export class OrgRefViewDto {
  @ApiProperty()
  userId!: string;

  @ApiPropertyOptional()
  displayName?: string;

  @ApiProperty({ type: String, nullable: true })
  departmentId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  teamId!: string | null;
}

/** 项目归属: the reporting officer (报送人), the owner now, and the campaign it counts for. */
export class OwnershipViewDto {
  @ApiProperty({ type: OrgRefViewDto, description: '报送人' })
  reporter!: OrgRefViewDto;

  @ApiProperty({ type: OrgRefViewDto, nullable: true, description: '项目负责人' })
  owner!: OrgRefViewDto | null;

  @ApiProperty({ type: String, nullable: true, description: '计入的招商行动' })
  campaignId!: string | null;
}

/** One entry of the funds-in-place ledger (到位资金台账). */
export class FundsEntryViewDto {
  @ApiProperty()
  entryId!: string;

  @ApiProperty({ description: '亿元' })
  amountYi!: number;

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ enum: FUNDS_SOURCES })
  source!: FundsSource;

  @ApiProperty({ example: '资金来源的中文名' })
  sourceLabel!: string;

  @ApiProperty()
  evidence!: string;

  @ApiProperty({ type: ActorDto })
  recordedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

/** 走访/外出招商 recorded at any open stage. */
export class VisitViewDto {
  @ApiProperty({ enum: VISIT_KINDS })
  kind!: VisitKind;

  @ApiProperty({ example: '外出招商' })
  kindLabel!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty()
  participants!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ description: 'The stage the project was in' })
  stage!: string;

  @ApiProperty({ type: ActorDto })
  recordedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

/** 首次纳税. */
export class FirstTaxViewDto {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ type: Number, nullable: true, description: '万元' })
  amountWanYuan!: number | null;

  @ApiProperty({ type: ActorDto })
  recordedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

/** What the issue-10 steps recorded on a project, as the project view shows it. */
export class RecordKeepingViewDto {
  @ApiProperty({ type: OwnershipViewDto, nullable: true, description: '项目归属; null for a project recorded before issue 10' })
  ownership!: OwnershipViewDto | null;

  @ApiProperty({ type: [FundsEntryViewDto], description: '到位资金台账, oldest first' })
  funds!: FundsEntryViewDto[];

  @ApiProperty({ description: '到位资金合计（亿元）' })
  fundsInPlaceYi!: number;

  @ApiProperty({ type: [VisitViewDto], description: '走访记录, oldest first' })
  visits!: VisitViewDto[];

  @ApiProperty({ type: FirstTaxViewDto, nullable: true, description: '首次纳税; null until recorded' })
  firstTax!: FirstTaxViewDto | null;
}
