import { defineUpdate } from '@temporalio/workflow';
import {
  acceptServiceRequest,
  authorizeServiceClock,
  authorizeServiceRequestStep,
  pauseServiceClock,
  rateServiceRequest,
  resolveServiceRequest,
  resumeServiceClock,
  SERVICE_CLOCK_SLOTS,
  transferServiceRequest,
  type ClockPauseCommand,
  type RateServiceRequestCommand,
  type ResolveServiceRequestCommand,
  type ServiceRequestState,
  type ServiceTransition,
  type TransferServiceRequestCommand,
} from '@zs/domain';
import type { StepUpdate } from '../project-workflow';
import { pauseServiceClockUpdate, resumeServiceClockUpdate } from '../sla-clocks';
import { defineStep } from './step-definition';

const step = defineStep<ServiceRequestState, ServiceRequestState>();
/** A request step's update; the name is recorded in workflow histories and must never change. */
const update = <C>(name: string) => defineUpdate<ServiceRequestState, [StepUpdate<C>]>(name);
const CLOCK_PARAM = [{ name: 'clock', enum: SERVICE_CLOCK_SLOTS.map((s) => s.name), description: 'The request clock' }] as const;

/**
 * The steps on a service request's own workflow (POST /service-requests/:requestId/<path>). Raising
 * one (企业点单) is an update on the project workflow that starts a child, not a step of this kind.
 */
export const SERVICE_REQUEST_STEPS = {
  acceptServiceRequest: step<Record<string, never>, ServiceTransition>({
    id: 'acceptServiceRequest',
    update: update('acceptServiceRequest'),
    permission: 'service.handle',
    auditActions: ['service.request_accepted'],
    path: 'accept',
    summary: '部门接单: the department takes the request; the resolve clock of its category starts',
    transition: acceptServiceRequest,
    // Department scope (issue 10, access/step-rules.ts): a 部门经办人 acts only on requests with their own department.
    authorize: authorizeServiceRequestStep,
  }),
  transferServiceRequest: step<TransferServiceRequestCommand, ServiceTransition>({
    id: 'transferServiceRequest',
    update: update('transferServiceRequest'),
    permission: 'service.handle',
    auditActions: ['service.request_transferred'],
    path: 'transfer',
    summary: 'A department that does not own the request passes it on, with the reason; the acceptance clock starts again',
    transition: transferServiceRequest,
    // Department scope (issue 10, access/step-rules.ts): a 部门经办人 acts only on requests with their own department.
    authorize: authorizeServiceRequestStep,
  }),
  resolveServiceRequest: step<ResolveServiceRequestCommand, ServiceTransition>({
    id: 'resolveServiceRequest',
    update: update('resolveServiceRequest'),
    permission: 'service.handle',
    auditActions: ['service.request_resolved'],
    path: 'resolve',
    summary: "问题销单: record how the request was resolved; it waits for the firm's rating",
    transition: resolveServiceRequest,
    // Department scope (issue 10, access/step-rules.ts): a 部门经办人 acts only on requests with their own department.
    authorize: authorizeServiceRequestStep,
  }),
  rateServiceRequest: step<RateServiceRequestCommand, ServiceTransition>({
    id: 'rateServiceRequest',
    update: update('rateServiceRequest'),
    permission: 'service.rate',
    auditActions: ['service.request_closed', 'service.request_reopened'],
    path: 'rating',
    summary: "评价: the firm's rating, recorded by the bureau; satisfied or basically satisfied closes the request, unsatisfied reopens it",
    transition: rateServiceRequest,
  }),
  pauseServiceClock: step<ClockPauseCommand, ServiceTransition>({
    id: 'pauseServiceClock',
    update: pauseServiceClockUpdate,
    permission: 'sla.pause_clock',
    auditActions: ['sla.paused'],
    path: 'clocks/:clock/pause',
    pathParams: CLOCK_PARAM,
    summary: '暂停计时: stop the running clock with a reason (e.g. waiting for the firm)',
    transition: pauseServiceClock,
    authorize: authorizeServiceClock('pause'),
  }),
  resumeServiceClock: step<ClockPauseCommand, ServiceTransition>({
    id: 'resumeServiceClock',
    update: resumeServiceClockUpdate,
    permission: 'sla.pause_clock',
    auditActions: ['sla.resumed'],
    path: 'clocks/:clock/resume',
    pathParams: CLOCK_PARAM,
    summary: '恢复计时: the clock runs on with its remaining time',
    transition: resumeServiceClock,
    authorize: authorizeServiceClock('resume'),
  }),
};

export type ServiceRequestStepId = keyof typeof SERVICE_REQUEST_STEPS;
export const SERVICE_REQUEST_STEP_IDS = Object.keys(SERVICE_REQUEST_STEPS) as ServiceRequestStepId[];
