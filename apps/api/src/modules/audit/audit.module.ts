import { Module } from '@nestjs/common';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationService } from './reconciliation.service';
import { SecurityAuditController } from './security-audit.controller';
import { SecurityAuditService } from './security-audit.service';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';

/** GET /audit/reconciliation (issue 8, the trusted record) and GET /audit/verify (issue 9, the tamper-evident record); GET /audit/security-events and /audit/admin-events (issue 9, identity). */
@Module({
  controllers: [ReconciliationController, VerificationController, SecurityAuditController],
  providers: [ReconciliationService, VerificationService, SecurityAuditService],
})
export class AuditModule {}
