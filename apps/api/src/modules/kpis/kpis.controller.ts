import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { KpiDefinitionDto, KpiTableDto, KpiValueDto } from './dto/kpi.dto';
import { KpiExportQuery, KpiQuery } from './dto/kpi.query';
import { kpiCsv, kpiXlsx } from './kpi-export';
import { kpiRequestOf } from './kpi-request';
import { kpiDefinitions, KpisService } from './kpis.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 指标: every KPI derived from the record (project_facts), each defined once in the domain. */
@ApiTags('kpis')
@ApiBearerAuth()
// KpiRowDto.kpis refers to KpiValueDto by $ref: registered here so the document holds it.
@ApiExtraModels(KpiValueDto)
@Controller('kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  @RequirePermission('kpi.read')
  @ApiOperation({ summary: 'KPI table grouped by department, team, chain, officer, campaign or period (value, numerator, denominator of each KPI)' })
  @ApiOkResponse({ type: KpiTableDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  table(@Query() query: KpiQuery): Promise<KpiTableDto> {
    return this.kpis.table(kpiRequestOf(query, Date.now()));
  }

  @Get('definitions')
  @RequirePermission('kpi.read')
  @ApiOperation({ summary: 'Every KPI: code, Chinese label and the exact rule (formula) in Chinese' })
  @ApiOkResponse({ type: [KpiDefinitionDto] })
  definitions(): KpiDefinitionDto[] {
    return kpiDefinitions();
  }

  @Get('export')
  @RequirePermission('kpi.read')
  @ApiOperation({ summary: 'The KPI table as CSV (UTF-8 with BOM) or XLSX, Chinese headers; same parameters as GET /kpis' })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  async export(@Query() query: KpiExportQuery): Promise<StreamableFile> {
    const { format = 'csv', ...rest } = query;
    const req = kpiRequestOf(rest, Date.now());
    const table = await this.kpis.table(req);
    const name = `kpis-${req.groupBy}-${req.asOf}`;
    if (format === 'xlsx') {
      return new StreamableFile(await kpiXlsx(req.groupBy, table.rows), { type: XLSX_TYPE, disposition: `attachment; filename="${name}.xlsx"` });
    }
    return new StreamableFile(kpiCsv(req.groupBy, table.rows), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}.csv"` });
  }
}
