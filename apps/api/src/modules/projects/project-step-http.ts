import type { PROJECT_STEPS, ProjectStepId } from '@zs/contracts';
import { ERROR_CODES, type ClockName, type MilestoneKind, type NamedPerson, localized, type Localized } from '@zs/domain';
import { campaignExists, orgRefOf } from '@zs/persistence';
import { fieldRefusal } from '../../common/errors/api.exception';
import type { StepHttp } from '../../common/http/step-routes';
import { ClockPauseDto, toClockPauseCommand } from '../../common/sla/clock-pause.dto';
import { AssignCommissionerDto, toAssignCommissionerCommand } from './dto/assign-commissioner.dto';
import {
  CompleteMilestoneDto,
  LogProgressDto,
  RecordProductionDto,
  toCompleteMilestoneCommand,
  toLogProgressCommand,
  toRecordProductionCommand,
} from './dto/construction-steps.dto';
import { RecordFirstTaxDto, toRecordFirstTaxCommand } from './dto/first-tax.dto';
import {
  CompleteProjectDto,
  FulfilmentCheckDto,
  TerminateContractDto,
  toCompleteProjectCommand,
  toFulfilmentCheckCommand,
  toTerminateContractCommand,
} from './dto/fulfilment-steps.dto';
import { RecordFundsDto, toRecordFundsCommand } from './dto/funds.dto';
import { IntakeDecisionDto, toDecideIntakeCommand } from './dto/intake-decision.dto';
import { IntakeInfoDto, toProvideInfoCommand } from './dto/intake-info.dto';
import { EstablishPlanDto, RebaselineDto, toEstablishPlanCommand, toRebaselineCommand } from './dto/milestone-plan.dto';
import { RecordContactDto, toRecordContactCommand } from './dto/negotiation-contact.dto';
import { NegotiationOutcomeDto, toConcludeNegotiationCommand } from './dto/negotiation-outcome.dto';
import { ReassignOwnershipDto } from './dto/ownership.dto';
import { SignContractDto, toSignContractCommand } from './dto/sign-contract.dto';
import { RecordVisitDto, toRecordVisitCommand } from './dto/visit.dto';

/** The command type of a catalogue entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the command's position matters
type CommandOf<K extends ProjectStepId> = (typeof PROJECT_STEPS)[K]['transition'] extends (s: any, command: infer C, ...rest: any[]) => unknown ? C : never;

const invalid = (field: string, message: Localized) => fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, message);

/**
 * The API half of the project step catalogue (libs/contracts/src/steps/project-steps.ts), keyed by
 * the same step id: each route's body DTO and how it becomes the workflow command. The type makes
 * a missing or extra entry a compile error; project-step-http.spec.ts checks it at run time too.
 */
export const PROJECT_STEP_HTTP: { [K in ProjectStepId]: StepHttp<CommandOf<K>> } = {
  decideIntake: { body: IntakeDecisionDto, toCommand: toDecideIntakeCommand },
  provideIntakeInfo: { body: IntakeInfoDto, toCommand: toProvideInfoCommand },
  recordNegotiationContact: { body: RecordContactDto, toCommand: toRecordContactCommand },
  concludeNegotiation: { body: NegotiationOutcomeDto, toCommand: toConcludeNegotiationCommand },
  signContract: { body: SignContractDto, toCommand: toSignContractCommand },
  assignCommissioner: {
    body: AssignCommissionerDto,
    toCommand: toAssignCommissionerCommand,
    named: (c): NamedPerson[] => [{ field: 'commissionerUserId', userId: c.commissionerUserId, kind: 'commissioner' }],
  },
  establishMilestonePlan: {
    body: EstablishPlanDto,
    toCommand: toEstablishPlanCommand,
    named: (c) => c.nodes.map((n, i): NamedPerson => ({ field: `nodes[${i}].responsibleUserId`, userId: n.responsibleUserId, kind: 'responsible' })),
  },
  completeMilestone: { body: CompleteMilestoneDto, toCommand: (dto: CompleteMilestoneDto, params) => toCompleteMilestoneCommand(params.kind as MilestoneKind, dto) },
  logConstructionProgress: { body: LogProgressDto, toCommand: toLogProgressCommand },
  rebaselinePlan: { body: RebaselineDto, toCommand: toRebaselineCommand },
  recordProduction: { body: RecordProductionDto, toCommand: toRecordProductionCommand },
  recordFulfilmentCheck: { body: FulfilmentCheckDto, toCommand: toFulfilmentCheckCommand },
  completeProject: { body: CompleteProjectDto, toCommand: toCompleteProjectCommand },
  terminateContract: { body: TerminateContractDto, toCommand: toTerminateContractCommand },
  pauseProjectClock: { body: ClockPauseDto, method: 'pauseClock', toCommand: (dto: ClockPauseDto, params) => toClockPauseCommand(params.clock as ClockName, dto) },
  resumeProjectClock: { body: ClockPauseDto, method: 'resumeClock', toCommand: (dto: ClockPauseDto, params) => toClockPauseCommand(params.clock as ClockName, dto) },
  reassignOwnership: {
    body: ReassignOwnershipDto,
    // The workflow stays pure: the new owner's department and team are resolved here, as they are now.
    toCommand: async (dto: ReassignOwnershipDto, _params, { db }) => {
      if ((dto.ownerUserId === undefined || dto.ownerUserId === null) && dto.campaignId === undefined) {
        throw invalid('ownerUserId', localized('项目负责人与招商行动至少填写一项', 'ownerUserId or campaignId must be given'));
      }
      const owner = dto.ownerUserId ? await orgRefOf(db, dto.ownerUserId) : undefined;
      if (owner === null) throw invalid('ownerUserId', localized(`{field}不是在职用户：${dto.ownerUserId}`, `{field} is not an active user: ${dto.ownerUserId}`));
      if (dto.campaignId && !(await campaignExists(db, dto.campaignId))) throw invalid('campaignId', localized(`{field}不存在：${dto.campaignId}`, `{field} names no campaign: ${dto.campaignId}`));
      return { ...(owner ? { owner } : {}), ...(dto.campaignId !== undefined ? { campaignId: dto.campaignId } : {}), reason: dto.reason };
    },
  },
  recordFundsInPlace: { body: RecordFundsDto, toCommand: toRecordFundsCommand },
  recordVisit: { body: RecordVisitDto, toCommand: toRecordVisitCommand },
  recordFirstTax: { body: RecordFirstTaxDto, toCommand: toRecordFirstTaxCommand },
};
