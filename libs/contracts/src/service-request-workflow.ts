import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, RaiseServiceRequestCommand, ServiceRequestState } from '@zs/domain';
import type { StepUpdate } from './project-workflow';
import { SERVICE_REQUEST_STEPS } from './steps/service-request-steps';

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
// Defined once in the step catalogue (steps/service-request-steps.ts); these names stay for their importers.
export const acceptServiceRequestUpdate = SERVICE_REQUEST_STEPS.acceptServiceRequest.update;
export const transferServiceRequestUpdate = SERVICE_REQUEST_STEPS.transferServiceRequest.update;
export const resolveServiceRequestUpdate = SERVICE_REQUEST_STEPS.resolveServiceRequest.update;
export const rateServiceRequestUpdate = SERVICE_REQUEST_STEPS.rateServiceRequest.update;
export const serviceRequestStateQuery = defineQuery<ServiceRequestState>('serviceRequestState');
