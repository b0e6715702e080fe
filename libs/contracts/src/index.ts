export * from './task-queue';
export * from './search-attributes';
export * from './project-workflow';
export * from './activities';
export * from './service-request-workflow';
export * from './sla-clocks';
export * from './daily-digest';
export * from './sla-recalculation';
