import { Module } from '@nestjs/common';
import { StepOutcomesController } from './step-outcomes.controller';
import { StepOutcomesService } from './step-outcomes.service';

/** GET …/steps/:idempotencyKey: whether an uncertain step was applied (issue 8). */
@Module({
  controllers: [StepOutcomesController],
  providers: [StepOutcomesService],
})
export class StepOutcomesModule {}
