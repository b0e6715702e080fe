import { Module } from '@nestjs/common';
import { IdempotencyKeysRepository } from '../../common/idempotency/idempotency-keys.repository';
import { ProjectServiceRequestsController } from './project-service-requests.controller';
import { ServiceRequestStepsService } from './service-request-steps.service';
import { ServiceRequestsController } from './service-requests.controller';
import { ServiceRequestsQueryService } from './service-requests-query.service';
import { ServiceRequestsRepository } from './service-requests.repository';

/** 企业点单 → 部门接单 → 问题销单 → 评价 over HTTP: each request is its own workflow, read from service_requests. */
@Module({
  controllers: [ProjectServiceRequestsController, ServiceRequestsController],
  providers: [ServiceRequestsRepository, ServiceRequestsQueryService, ServiceRequestStepsService, IdempotencyKeysRepository],
})
export class ServiceRequestsModule {}
