import 'reflect-metadata';
import { Controller } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { PROJECT_STEPS } from '@zs/contracts';
import { PROJECT_STEP_HTTP } from '../../modules/projects/project-step-http';
import { ProjectViewDto } from '../../modules/projects/dto/project-view.dto';
import { RecordFundsDto } from '../../modules/projects/dto/funds.dto';
import { serveStepRoutes } from './step-routes';

describe('serveStepRoutes', () => {
  @Controller('projects')
  class Probe {
    calls: unknown[][] = [];
  }
  serveStepRoutes(Probe, PROJECT_STEPS, PROJECT_STEP_HTTP, {
    idParam: 'id',
    responseType: ProjectViewDto,
    run: async (controller, ...args) => {
      controller.calls.push(args);
      return {};
    },
  });
  const proto = Probe.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

  it('adds one POST route per step at its path, under the operation names of before', () => {
    expect(Reflect.getMetadata(PATH_METADATA, proto.recordFundsInPlace)).toBe(':id/funds');
    expect(Reflect.getMetadata(METHOD_METADATA, proto.recordFundsInPlace)).toBe(1); // RequestMethod.POST
    expect(Reflect.getMetadata(PATH_METADATA, proto.completeMilestone)).toBe(':id/milestones/:kind/complete');
    expect(Reflect.getMetadata(PATH_METADATA, proto.pauseClock)).toBe(':id/clocks/:clock/pause');
    expect(Object.getOwnPropertyNames(Probe.prototype).filter((n) => n !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, proto[n]!))).toHaveLength(Object.keys(PROJECT_STEPS).length);
  });

  it('documents and validates the body with the step DTO, and its summary', () => {
    expect(Reflect.getMetadata('design:paramtypes', Probe.prototype, 'recordFundsInPlace')).toEqual([String, Object, RecordFundsDto, String]);
    expect(Reflect.getMetadata('swagger/apiOperation', proto.recordFundsInPlace)).toMatchObject({ summary: PROJECT_STEPS.recordFundsInPlace.summary });
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'completeMilestone') as Record<string, { index: number; data?: string }>;
    expect(Object.values(args).map((a) => a.index).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('hands the step id, subject, path parameters, caller, body and key to the runner', async () => {
    const probe = new Probe();
    await proto.completeMilestone!.call(probe, 'p-1', 'land_handover', { id: 'u' }, { evidence: 'x' }, 'key-1');
    expect(probe.calls).toEqual([['completeMilestone', 'p-1', { id: 'u' }, { evidence: 'x' }, { kind: 'land_handover' }, 'key-1']]);
  });
});
