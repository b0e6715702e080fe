import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { ReconciliationReportDto } from './dto/reconciliation.dto';
import { ReconciliationQuery } from './dto/reconciliation.query';
import { ReconciliationService } from './reconciliation.service';

/** 对账: two independent records, the audit log with the read models and each workflow's Temporal history, compared. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @RequirePermission('audit.reconcile')
  @ApiOperation({
    summary:
      "Compare the audit log and read models with each workflow's Temporal history (one project, or a page of projects with their service requests); every discrepancy listed",
  })
  @ApiOkResponse({ type: ReconciliationReportDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: neither record knows projectId' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE: Temporal could not be read' })
  reconcile(@Query() query: ReconciliationQuery): Promise<ReconciliationReportDto> {
    return this.reconciliation.reconcile(query);
  }
}
