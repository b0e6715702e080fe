import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  RaiseServiceRequestCommand,
  RateServiceRequestCommand,
  ResolveServiceRequestCommand,
  ServiceRequestState,
  TransferServiceRequestCommand,
} from '@zs/domain';
import type { StepUpdate } from './project-workflow';

export const SERVICE_REQUEST_WORKFLOW_TYPE = 'serviceRequestWorkflow';

export function serviceRequestWorkflowId(requestId: string): string {
  return `service-request-${requestId}`;
}

export interface ServiceRequestWorkflowInput {
  requestId: string;
  projectId: string;
  companyName: string;
  command: RaiseServiceRequestCommand;
  raisedBy: Actor;
}

export interface ServiceRequestRaised {
  requestId: string;
  workflowId: string;
}

/** On the project workflow: 企业点单 starts a child workflow for the request. */
export const raiseServiceRequestUpdate = defineUpdate<ServiceRequestRaised, [StepUpdate<RaiseServiceRequestCommand>]>('raiseServiceRequest');

/** On the service request's own workflow. */
export const serviceRequestRegisteredUpdate = defineUpdate<ServiceRequestState, []>('awaitServiceRequest');
export const acceptServiceRequestUpdate = defineUpdate<ServiceRequestState, [StepUpdate<Record<string, never>>]>('acceptServiceRequest');
export const transferServiceRequestUpdate = defineUpdate<ServiceRequestState, [StepUpdate<TransferServiceRequestCommand>]>('transferServiceRequest');
export const resolveServiceRequestUpdate = defineUpdate<ServiceRequestState, [StepUpdate<ResolveServiceRequestCommand>]>('resolveServiceRequest');
export const rateServiceRequestUpdate = defineUpdate<ServiceRequestState, [StepUpdate<RateServiceRequestCommand>]>('rateServiceRequest');
export const serviceRequestStateQuery = defineQuery<ServiceRequestState>('serviceRequestState');
