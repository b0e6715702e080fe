/** The one task queue of the project lifecycle worker. */
export const LIFECYCLE_TASK_QUEUE = 'project-lifecycle';
