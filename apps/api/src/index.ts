// What tooling (launcher, tests, bench) may use of the API app; nothing else imports it.
export { createApiApp } from './app.factory';
export { DEFAULT_DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './seed/demo-users';
export { reconcileProject, reconcileProjects, summarize, type ReconciliationReport } from './modules/audit/project-reconciler';
export { seedDemoZone, type DemoZoneOptions, type DemoZoneResult } from './seed/demo-zone/demo-zone-seed';
