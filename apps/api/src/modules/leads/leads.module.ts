import { Module } from '@nestjs/common';
import { LeadsController } from './leads.controller';
import { RegisterLeadService } from './register-lead.service';

@Module({
  controllers: [LeadsController],
  providers: [RegisterLeadService],
})
export class LeadsModule {}
