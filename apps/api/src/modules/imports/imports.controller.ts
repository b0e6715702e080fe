import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import { IDEMPOTENCY_HEADER } from '../../common/idempotency/idempotency-key';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { ImportProjectsDto } from './dto/import-projects.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { importTemplate } from './import-file';
import { TEMPLATE_NOTES } from './import-columns';
import { ImportsService } from './imports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An import file holds at most 500 rows: 5 MB is ample and bounds what is parsed in memory. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

export class ImportTemplateQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

const RULES = `Every row is checked first; any problem → 400 listing each row and field in Chinese, nothing recorded or started. Past dates raise no alert (overdue at import, silently); only future clocks run. The same content (SHA-256) or ${IDEMPOTENCY_HEADER} returns the first import and starts nothing twice. ${TEMPLATE_NOTES.join(' ')}`;

/** 存量项目导入 (issue 10, item 9): a portfolio's running projects with their past. */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('projects')
  @HttpCode(201)
  @RequirePermission('projects.import')
  @ApiOperation({ summary: 'Import up to 500 projects (JSON) at their stage with their past dates', description: RULES })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'Repeat-safe key, 1..200 of [A-Za-z0-9_.:-]' })
  @ApiOkResponse({ type: ImportResultDto, description: 'A repeated import (duplicate: true)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: details name each row and field' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_CONFLICT: the key was used for another import' })
  importRecords(@CurrentUser() caller: AuthenticatedUser, @Body() body: ImportProjectsDto, @IdempotencyKey() key: string | undefined): Promise<ImportResultDto> {
    return this.imports.importRecords(caller, body.records, key);
  }

  @Post('projects/file')
  @HttpCode(201)
  @RequirePermission('projects.import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'CSV (UTF-8) or XLSX, columns as in GET /imports/projects/template' } } } })
  @ApiOperation({ summary: 'Import up to 500 projects from a CSV or XLSX file with Chinese column headers', description: RULES })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'Repeat-safe key, 1..200 of [A-Za-z0-9_.:-]' })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: details name each row (第N行, header excluded) and column' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_CONFLICT: the key was used for another import' })
  importFile(
    @CurrentUser() caller: AuthenticatedUser,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @IdempotencyKey() key: string | undefined,
  ): Promise<ImportResultDto> {
    return this.imports.importFile(caller, file, key);
  }

  @Get('projects/template')
  @RequirePermission('projects.import')
  @ApiOperation({ summary: 'The import template: Chinese column headers and one example row (CSV with BOM, or XLSX with a notes sheet)' })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming format' })
  async template(@Query() query: ImportTemplateQuery): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    const content = await importTemplate(format);
    return format === 'xlsx'
      ? new StreamableFile(content, { type: XLSX_TYPE, disposition: 'attachment; filename="project-import-template.xlsx"' })
      : new StreamableFile(content, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="project-import-template.csv"' });
  }

  @Get(':id')
  @RequirePermission('projects.import')
  @ApiOperation({ summary: 'An import and its result per row (project id, workflow id, started)' })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  find(@Param('id', uuidParam('id')) id: string): Promise<ImportResultDto> {
    return this.imports.find(id);
  }
}
