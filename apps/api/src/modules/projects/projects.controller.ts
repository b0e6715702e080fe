import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { PROJECT_STEPS, type ProjectStepId } from '@zs/contracts';
import { shanghaiDate } from '@zs/domain';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { attachment, CSV_CONTENT_TYPE, tableCsv, tablesXlsx, XLSX_CONTENT_TYPE } from '../../common/export/table-file';
import { serveStepRoutes } from '../../common/http/step-routes';
import type { Page } from '../../common/http/page';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { ExportProjectsQuery } from './dto/export-projects.query';
import { HistoryDto } from './dto/history.dto';
import { HistoryQuery } from './dto/history.query';
import { ProjectHistoryService } from './project-history.service';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectPageDto } from './dto/project-page.dto';
import { ProjectViewDto } from './dto/project-view.dto';
import { PROJECT_EXPORT_MAX_ROWS, projectSheet } from './project-export';
import { PROJECT_STEP_HTTP } from './project-step-http';
import { ProjectStepsService } from './project-steps.service';
import { ProjectsQueryService } from './projects-query.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly query: ProjectsQueryService,
    readonly steps: ProjectStepsService,
    private readonly histories: ProjectHistoryService,
  ) {}

  @Get()
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'List projects from the read model' })
  @ApiOkResponse({ type: ProjectPageDto })
  list(@Query() query: ListProjectsQuery): Promise<Page<ProjectViewDto>> {
    return this.query.list(query);
  }

  // Before ':id', which would take "export" for an id.
  @Get('export')
  @RequirePermission('project.read')
  @ApiOperation({
    summary: `The filtered project list as CSV (UTF-8 with BOM) or XLSX, Chinese headers and labels; same filters and sort as GET /projects, every matching project (at most ${PROJECT_EXPORT_MAX_ROWS}: more is refused with 400)`,
  })
  @ApiProduces(CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: `VALIDATION_FAILED naming the parameter, or more than ${PROJECT_EXPORT_MAX_ROWS} projects selected` })
  async export(@Query() query: ExportProjectsQuery): Promise<StreamableFile> {
    const { format = 'csv', ...filters } = query;
    const sheet = projectSheet(await this.query.listForExport(filters));
    const name = `projects-${shanghaiDate(Date.now())}.${format}`;
    const disposition = attachment(name, `项目库-${shanghaiDate(Date.now())}.${format}`);
    if (format === 'xlsx') return new StreamableFile(await tablesXlsx([sheet]), { type: XLSX_CONTENT_TYPE, disposition });
    return new StreamableFile(tableCsv(sheet), { type: CSV_CONTENT_TYPE, disposition });
  }

  @Get(':id')
  @RequirePermission('project.read')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProjectViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id', uuidParam('id')) id: string): Promise<ProjectViewDto> {
    return this.query.get(id);
  }

  @Get(':id/history')
  @RequirePermission('project.read')
  @ApiOperation({
    summary: "The append-only audit trail of a project and its service requests in one order (time, then chain position), oldest first, a page at a time; names and Chinese labels beside the ids and codes",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: HistoryDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (page, pageSize)' })
  history(@Param('id', uuidParam('id')) id: string, @Query() query: HistoryQuery): Promise<HistoryDto> {
    return this.histories.history(id, query);
  }
}

// Every staff step of the catalogue (libs/contracts/src/steps/project-steps.ts) as POST
// /projects/:id/<path>, with its DTO (project-step-http.ts): added to this controller here so a new
// step needs no controller or service code.
serveStepRoutes(ProjectsController, PROJECT_STEPS, PROJECT_STEP_HTTP, {
  idParam: 'id',
  responseType: ProjectViewDto,
  run: (controller, stepId, id, caller, body, params, idempotencyKey) =>
    controller.steps.runStep(stepId as ProjectStepId, id, caller, body, params, idempotencyKey),
});
