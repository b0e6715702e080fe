import { Module } from '@nestjs/common';
import { LeadsController } from './leads.controller';
import { LeadOwnershipResolver } from './lead-ownership.resolver';
import { RegisterLeadService } from './register-lead.service';

@Module({
  controllers: [LeadsController],
  providers: [RegisterLeadService, LeadOwnershipResolver],
})
export class LeadsModule {}
