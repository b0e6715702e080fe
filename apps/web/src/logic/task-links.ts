import { stepParam } from './project-steps';

/**
 * Where a task of 我的待办 leads: its project, with the form that completes it open
 * (`?step=intake-decision`, `?step=milestones/land_handover/complete`). A service request's step
 * opens the project's service requests tab with the request named. Task codes are the API's
 * (TaskViewDto.step); an unknown code opens the project without a form.
 */
export function taskLink(projectId: string, taskStep: string): string {
  const base = `/projects/${encodeURIComponent(projectId)}`;
  const param = stepParamOfTask(taskStep);
  if (param) return `${base}?step=${encodeURIComponent(param)}`;
  const request = /^service\.(accept|resolve|rate):(.+)$/.exec(taskStep);
  if (request) return `${base}?tab=service-requests&request=${encodeURIComponent(request[2])}`;
  return base;
}

const TASK_STEPS: Record<string, string> = {
  'intake.decide': stepParam('decideIntake'),
  'intake.provide_info': stepParam('provideIntakeInfo'),
  'negotiation.follow_up': stepParam('recordNegotiationContact'),
  'signing.record_contract': stepParam('signContract'),
  'handover.assign_commissioner': stepParam('assignCommissioner'),
  'construction.plan': stepParam('establishMilestonePlan'),
  'construction.record_production': stepParam('recordProduction'),
  'fulfilment.check': stepParam('recordFulfilmentCheck'),
};

/** The ?step=… value of the form that completes a task, or null when no project form does. */
export function stepParamOfTask(taskStep: string): string | null {
  const milestone = /^construction\.milestone:([a-z_]+)$/.exec(taskStep);
  if (milestone) return stepParam('completeMilestone', { kind: milestone[1] });
  return TASK_STEPS[taskStep] ?? null;
}
