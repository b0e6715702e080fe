import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { ApiResponse } from '../../common/http/api-request';
import { attachment, CSV_CONTENT_TYPE, tableCsv } from '../../common/export/table-file';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { AuditEventSearchService } from './audit-event-search.service';
import { AuditEventPageDto, ProjectHistoryExportDto, ProjectStateAsOfDto, type AuditEventItemDto } from './dto/audit-history.dto';
import { AuditEventsQuery, HistoryExportQuery, StateAsOfQuery } from './dto/audit-history.query';
import { historyExportSheet } from './history-export';
import { HistoryExportService } from './history-export.service';
import { StateAsOfService } from './state-as-of.service';

/** 审计 (issue 11): every project's history searched, one project's history exported with its proofs, a project at a past instant. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditHistoryController {
  constructor(
    private readonly search: AuditEventSearchService,
    private readonly exports: HistoryExportService,
    private readonly states: StateAsOfService,
  ) {}

  @Get('events')
  @RequirePermission('audit.history.read')
  @ApiOperation({
    summary:
      "Every project's audit events (and their service requests'), newest first, a page at a time, filtered by actor, action, period, the project's owning department or one project; each item read as GET /projects/:id/history reads it, with its project",
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  events(@Query() query: AuditEventsQuery): Promise<Page<AuditEventItemDto>> {
    return this.search.search(query);
  }

  @Get('projects/:id/export')
  @RequirePermission('audit.history.read')
  @ApiOperation({
    summary:
      "A project's whole history with its proofs (each record's chain position, prev_hash, hash, the exact text hashed, its ledger position) and the latest signed checkpoint, as JSON (format zhaoshang-audit-export-v1, docs/audit-export.md) or CSV; a download",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiExtraModels(ProjectHistoryExportDto)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The export (Content-Disposition: attachment)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ProjectHistoryExportDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no project and no audit record of it' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (id, format)' })
  async export(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: HistoryExportQuery,
    @Res({ passthrough: true }) res: ApiResponse,
  ): Promise<ProjectHistoryExportDto | StreamableFile> {
    const doc = await this.exports.export(id);
    const name = `project-history-${id}`;
    if (query.format === 'csv') return new StreamableFile(tableCsv(historyExportSheet(doc)), { type: CSV_CONTENT_TYPE, disposition: attachment(`${name}.csv`) });
    res.setHeader('Content-Disposition', attachment(`${name}.json`));
    return doc;
  }

  @Get('projects/:id/state')
  @RequirePermission('audit.history.read')
  @ApiOperation({
    summary:
      "The project as it stood at an instant: the stage after its last event up to then (with that event), and the key fields of the state its workflow recorded after that event; 404 when the project did not exist yet",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProjectStateAsOfDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such project, or registered after asOf (the message says when)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (id, asOf)' })
  state(@Param('id', uuidParam('id')) id: string, @Query() query: StateAsOfQuery): Promise<ProjectStateAsOfDto> {
    return this.states.stateAsOf(id, query.asOf);
  }
}
