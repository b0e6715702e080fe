import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { calendarDateParam } from './calendar-date';
import { CalendarOverridesService } from './calendar-overrides.service';
import { CalendarService } from './calendar.service';
import { CalendarRangeDto } from './dto/calendar-day.dto';
import { CalendarCoverageDto } from './dto/calendar-coverage.dto';
import { CalendarRangeQuery } from './dto/calendar-range.query';
import { CalendarOverrideDto, CalendarOverrideListDto, RemoveCalendarOverrideQuery, SetCalendarOverrideDto } from './dto/calendar-override.dto';

const DATE_PARAM = { name: 'date', example: '2026-11-23', description: 'YYYY-MM-DD (Asia/Shanghai)' };

/** 工作日历: the days working-day deadlines count, and the administrators' overrides of the dataset. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('sla/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly overrides: CalendarOverridesService,
  ) {}

  @Get()
  @RequirePermission('calendar.read')
  @ApiOperation({ summary: 'Each day from..to (at most 366): working or not, and whether an override, the holiday dataset or only the weekday decided' })
  @ApiOkResponse({ type: CalendarRangeDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming from or to' })
  range(@Query() query: CalendarRangeQuery): Promise<CalendarRangeDto> {
    return this.calendar.range(query);
  }

  @Get('coverage')
  @RequirePermission('calendar.read')
  @ApiOperation({ summary: "Whether the holiday dataset has this year's and next year's State Council arrangement (else those years count Monday–Friday: 2027-01-01 would be a working day)" })
  @ApiOkResponse({ type: CalendarCoverageDto })
  coverage(): Promise<CalendarCoverageDto> {
    return this.calendar.coverage();
  }

  @Get('overrides')
  @RequirePermission('calendar.read')
  @ApiOperation({ summary: "The administrators' overrides in force, by date" })
  @ApiOkResponse({ type: CalendarOverrideListDto })
  listOverrides(): Promise<CalendarOverrideListDto> {
    return this.calendar.overrides();
  }

  @Put('overrides/:date')
  @RequirePermission('calendar.manage')
  @ApiOperation({ summary: 'Declare a day a working day or a rest day (replacing any override of it); recorded in the admin audit log with its reason' })
  @ApiParam(DATE_PARAM)
  @ApiOkResponse({ type: CalendarOverrideDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  setOverride(
    @Param('date', calendarDateParam('date')) date: string,
    @Body() body: SetCalendarOverrideDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<CalendarOverrideDto> {
    return this.overrides.set(date, body, caller);
  }

  @Delete('overrides/:date')
  @HttpCode(204)
  @RequirePermission('calendar.manage')
  @ApiOperation({ summary: 'Withdraw the override of a day (reason required); the day reverts to the dataset. Recorded in the admin audit log' })
  @ApiParam(DATE_PARAM)
  @ApiNoContentResponse({ description: 'removed' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming date or reason' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: the day has no override' })
  async removeOverride(
    @Param('date', calendarDateParam('date')) date: string,
    @Query() query: RemoveCalendarOverrideQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<void> {
    await this.overrides.remove(date, query.reason, caller);
  }
}
