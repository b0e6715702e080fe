import { Module } from '@nestjs/common';
import { IdempotencyKeysRepository } from '../../common/idempotency/idempotency-keys.repository';
import { ProjectStepsService } from './project-steps.service';
import { NamedPeopleChecker } from './named-people.checker';
import { ProjectHistoryService } from './project-history.service';
import { ProjectsController } from './projects.controller';
import { ProjectsQueryService } from './projects-query.service';
import { ProjectsRepository } from './projects.repository';

@Module({
  controllers: [ProjectsController],
  providers: [ProjectsRepository, ProjectsQueryService, ProjectStepsService, IdempotencyKeysRepository, NamedPeopleChecker, ProjectHistoryService],
})
export class ProjectsModule {}
