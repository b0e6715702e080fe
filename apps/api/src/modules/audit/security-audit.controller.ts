import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { AdminEventPageDto, SecurityEventPageDto, type AdminEventDto, type SecurityEventDto } from './dto/security-audit.dto';
import { ListAdminEventsQuery, ListSecurityEventsQuery } from './dto/security-audit.query';
import { SecurityAuditService } from './security-audit.service';

/** 安全审计 (等保 2.0): who signed in, failed, was locked out, signed out, changed or had a password reset, had tokens revoked; and what administrators did. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class SecurityAuditController {
  constructor(private readonly audit: SecurityAuditService) {}

  @Get('security-events')
  @RequirePermission('audit.security_events.read')
  @ApiOperation({ summary: 'Security events, newest first: logins, failures, lockouts, logouts, password changes and refusals, resets, revocations, refused tokens' })
  @ApiOkResponse({ type: SecurityEventPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  securityEvents(@Query() query: ListSecurityEventsQuery): Promise<Page<SecurityEventDto>> {
    return this.audit.securityEvents(query);
  }

  @Get('admin-events')
  @RequirePermission('audit.admin_events.read')
  @ApiOperation({ summary: "Administrators' actions, newest first: SLA policies, calendar, recalculations, outbox, webhooks, users" })
  @ApiOkResponse({ type: AdminEventPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  adminEvents(@Query() query: ListAdminEventsQuery): Promise<Page<AdminEventDto>> {
    return this.audit.adminEvents(query);
  }
}
