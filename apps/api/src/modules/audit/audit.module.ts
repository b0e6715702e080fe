import { Module } from '@nestjs/common';
import { AuditEventSearchService } from './audit-event-search.service';
import { AuditHistoryController } from './audit-history.controller';
import { HistoryExportService } from './history-export.service';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationService } from './reconciliation.service';
import { SecurityAuditController } from './security-audit.controller';
import { SecurityAuditService } from './security-audit.service';
import { StateAsOfService } from './state-as-of.service';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';

/**
 * GET /audit/reconciliation (issue 8, the trusted record) and GET /audit/verify (issue 9, the tamper-evident record);
 * GET /audit/security-events and /audit/admin-events (issue 9, identity); GET /audit/events, /audit/projects/:id/export
 * and /audit/projects/:id/state (issue 11, the auditors' console).
 */
@Module({
  controllers: [ReconciliationController, VerificationController, SecurityAuditController, AuditHistoryController],
  providers: [ReconciliationService, VerificationService, SecurityAuditService, AuditEventSearchService, HistoryExportService, StateAsOfService],
})
export class AuditModule {}
