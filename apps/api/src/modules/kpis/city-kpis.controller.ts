import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { ZoneContext } from '../../infrastructure/zones/zone-context';
import { KpiDefinitionDto, KpiRowDto } from './dto/kpi.dto';
import { CityKpiQuery } from './dto/kpi.query';
import { kpiRequestOf } from './kpi-request';
import { kpiDefinitions, KpisService } from './kpis.service';

export class CityKpiTableDto {
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [KpiDefinitionDto] }) definitions!: KpiDefinitionDto[];
  @ApiProperty({ type: [KpiRowDto], description: '每个园区一行：group 为园区代码，groupLabel 为园区名称' }) rows!: KpiRowDto[];
}

/** 全市汇总 (issue 12): every zone's KPIs, each computed in its own zone exactly as GET /kpis?groupBy=zone there. */
@ApiTags('kpis')
@ApiBearerAuth()
@Controller('kpis/city')
export class CityKpisController {
  constructor(
    private readonly kpis: KpisService,
    private readonly zones: ZoneContext,
  ) {}

  @Get()
  @RequirePermission('city.read')
  @ApiOperation({ summary: "One KPI row per zone of the city (市领导): each zone's GET /kpis?groupBy=zone, side by side" })
  @ApiOkResponse({ type: CityKpiTableDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  async table(@Query() query: CityKpiQuery): Promise<CityKpiTableDto> {
    const req = { ...kpiRequestOf({ from: query.from, to: query.to, asOf: query.asOf }, Date.now()), groupBy: 'zone' as const, period: undefined };
    const rows: KpiRowDto[] = [];
    for (const zone of this.zones.zones) {
      const table = await this.zones.runIn(zone, () => this.kpis.table(req));
      for (const row of table.rows) rows.push({ ...row, group: zone.code, groupLabel: zone.name });
    }
    return { from: req.from, to: req.to, asOf: req.asOf, definitions: kpiDefinitions(), rows };
  }
}
