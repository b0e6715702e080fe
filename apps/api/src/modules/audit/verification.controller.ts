import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { VerificationReportDto } from './dto/verification.dto';
import { VerificationService } from './verification.service';

/** 审计完整性验证: the tamper-evident record checked end to end. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/verify')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get()
  @RequirePermission('audit.verify')
  @ApiOperation({
    summary:
      'Recompute every SM3 hash chain (each project, admin actions, security events), the global ledger and every signed checkpoint (database and file); name the first broken link of each chain',
  })
  @ApiOkResponse({ type: VerificationReportDto })
  verify(): Promise<VerificationReportDto> {
    return this.verification.verify();
  }
}
