import { Module } from '@nestjs/common';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationService } from './reconciliation.service';

/** GET /audit/reconciliation (issue 8, the trusted record). */
@Module({
  controllers: [ReconciliationController],
  providers: [ReconciliationService],
})
export class AuditModule {}
