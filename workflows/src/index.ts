// Entry point of the workflow bundle: every workflow type the worker registers.
export { projectLifecycleWorkflow } from './project-lifecycle.workflow';
export { serviceRequestWorkflow } from './service-request.workflow';
export { dailyDigestWorkflow } from './daily-digest.workflow';
export { slaRecalculationWorkflow } from './sla-recalculation.workflow';
