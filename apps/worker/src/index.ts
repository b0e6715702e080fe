// What tooling (launcher, tests, bench) may use of the worker app.
export { createLifecycleWorker } from './create-worker';
export { buildWorkflowBundle, workflowsEntry } from './workflow-bundle';
export { ensureDailyDigestSchedule } from './daily-digest-schedule';
