import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { PutTargetDto, TargetDto, TargetProgressQuery, TargetProgressReportDto, TargetsQuery } from './dto/target.dto';
import { TargetsService } from './targets.service';

/** 年度目标 per department, team, officer or the zone; progress against them and 双过半. */
@ApiTags('kpis')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Put()
  @HttpCode(200)
  @RequirePermission('targets.manage')
  @ApiOperation({ summary: "Set one scope's annual target (upsert; audited in the admin chain)" })
  @ApiOkResponse({ type: TargetDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  put(@Body() body: PutTargetDto, @CurrentUser() caller: AuthenticatedUser): Promise<TargetDto> {
    return this.targets.put(caller, body);
  }

  @Get()
  @RequirePermission('targets.read')
  @ApiOperation({ summary: "A year's targets (optionally of one scope kind)" })
  @ApiOkResponse({ type: [TargetDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  list(@Query() query: TargetsQuery): Promise<TargetDto[]> {
    return this.targets.list(query);
  }

  @Get('progress')
  @RequirePermission('kpi.read')
  @ApiOperation({ summary: 'Progress against every target of the year at asOf, and 双过半 (department targets unless scopeKind says otherwise)' })
  @ApiOkResponse({ type: TargetProgressReportDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  progress(@Query() query: TargetProgressQuery): Promise<TargetProgressReportDto> {
    return this.targets.progress(query, Date.now());
  }
}
