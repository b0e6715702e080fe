import { Module } from '@nestjs/common';
import { SlaController } from './sla.controller';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaRecalculationService } from './sla-recalculation.service';
import { SlaTimelineService } from './sla-timeline.service';
import { SlaViewsService } from './sla-views.service';

@Module({
  controllers: [SlaController],
  providers: [SlaPoliciesService, SlaRecalculationService, SlaViewsService, SlaTimelineService],
})
export class SlaModule {}
