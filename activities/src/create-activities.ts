import type { Database } from '@zs/persistence';
import type { LifecycleActivities } from '@zs/contracts';
import { enqueueNotification } from './notifier/enqueue-notification';
import { createLegacyRecorders } from './record-project-event';
import { createProjectWorkflowEvents } from './projection/project-workflow-events';
import { WorkingCalendar } from './calendar/working-calendar';
import { createPlanSlaClock, type WorkdayCalendar } from './sla/plan-sla-clock';
import { createResolveSlaPolicies } from './sla/resolve-sla-policies';
import { createSendDailyDigest } from './digest/send-daily-digest';
import { createListOpenClockWorkflows } from './sla/list-open-clock-workflows';

export interface ActivityDeps {
  dataSource: Database;
  /** Working days: the Chinese dataset plus the zone's overrides (tests may pass a fixed one). */
  calendar?: WorkdayCalendar;
}

/** Builds the activities with their dependencies injected (the worker owns the database pool). */
export function createActivities({ dataSource, calendar }: ActivityDeps): LifecycleActivities {
  const projectWorkflowEvents = createProjectWorkflowEvents(dataSource);
  return {
    projectWorkflowEvents,
    // Before issue 8: local activities that wrote before the workflow task committed; kept for runs replaying that code.
    ...createLegacyRecorders(projectWorkflowEvents),
    // Writes the inbox and outbox rows only; the worker's OutboxDispatcher delivers them.
    sendNotification: async (request) => {
      await enqueueNotification(dataSource, request);
    },
    planSlaClock: createPlanSlaClock(dataSource, calendar ?? new WorkingCalendar(dataSource)),
    resolveSlaPolicies: createResolveSlaPolicies(dataSource),
    sendDailyDigest: createSendDailyDigest(dataSource),
    listOpenClockWorkflows: createListOpenClockWorkflows(dataSource),
  };
}
