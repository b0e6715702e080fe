import { Module } from '@nestjs/common';
import { ProjectionConflictsController } from './projection-conflicts.controller';

/** GET /admin/projection-conflicts (issue 8). */
@Module({ controllers: [ProjectionConflictsController] })
export class ProjectionConflictsModule {}
