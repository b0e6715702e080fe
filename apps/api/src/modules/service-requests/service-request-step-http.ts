import type { SERVICE_REQUEST_STEPS, ServiceRequestStepId } from '@zs/contracts';
import type { ClockName } from '@zs/domain';
import type { StepHttp } from '../../common/http/step-routes';
import { ClockPauseDto, toClockPauseCommand } from '../../common/sla/clock-pause.dto';
import {
  RateServiceRequestDto,
  ResolveServiceRequestDto,
  TransferServiceRequestDto,
  toRateServiceRequestCommand,
  toResolveServiceRequestCommand,
  toTransferServiceRequestCommand,
} from './dto/service-request-commands.dto';
import { registeredDepartmentName } from './registered-department';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the command's position matters
type CommandOf<K extends ServiceRequestStepId> = (typeof SERVICE_REQUEST_STEPS)[K]['transition'] extends (s: any, command: infer C, ...rest: any[]) => unknown ? C : never;

/**
 * The API half of the service-request step catalogue (libs/contracts/src/steps/service-request-steps.ts),
 * keyed by the same step id; the method names keep the routes' operation ids.
 */
export const SERVICE_REQUEST_STEP_HTTP: { [K in ServiceRequestStepId]: StepHttp<CommandOf<K>> } = {
  acceptServiceRequest: { body: 'empty', method: 'accept', toCommand: () => ({}) },
  transferServiceRequest: {
    body: TransferServiceRequestDto,
    method: 'transfer',
    // Only to a registered department, stored under its registered name (issue 10).
    toCommand: async (dto: TransferServiceRequestDto, _params, { db }) => ({
      ...toTransferServiceRequestCommand(dto),
      toDepartment: await registeredDepartmentName(db, 'toDepartment', dto.toDepartment),
    }),
  },
  resolveServiceRequest: { body: ResolveServiceRequestDto, method: 'resolve', toCommand: toResolveServiceRequestCommand },
  rateServiceRequest: { body: RateServiceRequestDto, method: 'rate', toCommand: toRateServiceRequestCommand },
  pauseServiceClock: { body: ClockPauseDto, method: 'pauseClock', toCommand: (dto: ClockPauseDto, params) => toClockPauseCommand(params.clock as ClockName, dto) },
  resumeServiceClock: { body: ClockPauseDto, method: 'resumeClock', toCommand: (dto: ClockPauseDto, params) => toClockPauseCommand(params.clock as ClockName, dto) },
};
