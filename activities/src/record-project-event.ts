import type { RecordProjectEventInput, RecordServiceRequestEventInput } from '@zs/contracts';
import type { createProjectWorkflowEvents } from './projection/project-workflow-events';

type Project = ReturnType<typeof createProjectWorkflowEvents>;

/**
 * The local activities of code before issue 8 (one event each), for runs that still replay
 * that code path. They write exactly as the projection does, conflicts refused included.
 */
export function createLegacyRecorders(project: Project) {
  return {
    recordProjectEvent: ({ workflowId, runId, state, audit }: RecordProjectEventInput) =>
      project({ stream: 'project', workflowId, runId, projectId: state.projectId, events: [audit], state }),
    recordServiceRequestEvent: ({ workflowId, runId, state, audit }: RecordServiceRequestEventInput) =>
      project({ stream: 'service_request', workflowId, runId, projectId: state.projectId, events: [audit], state }),
  };
}
