import type { DataSource } from 'typeorm';
import type { LifecycleActivities } from '@zs/contracts';
import { enqueueNotification } from './notifier/enqueue-notification';
import { createRecordProjectEvent } from './record-project-event';
import { createRecordServiceRequestEvent } from './record-service-request-event';
import { WorkingCalendar } from './calendar/working-calendar';
import { createPlanSlaClock, type WorkdayCalendar } from './sla/plan-sla-clock';
import { createResolveSlaPolicies } from './sla/resolve-sla-policies';
import { createSendDailyDigest } from './digest/send-daily-digest';
import { createListOpenClockWorkflows } from './sla/list-open-clock-workflows';

export interface ActivityDeps {
  dataSource: DataSource;
  /** Working days: the Chinese dataset plus the zone's overrides (tests may pass a fixed one). */
  calendar?: WorkdayCalendar;
}

/** Builds the activities with their dependencies injected (the worker owns the DataSource). */
export function createActivities({ dataSource, calendar }: ActivityDeps): LifecycleActivities {
  return {
    recordProjectEvent: createRecordProjectEvent(dataSource),
    // Writes the inbox and outbox rows only; the worker's OutboxDispatcher delivers them.
    sendNotification: async (request) => {
      await enqueueNotification(dataSource, request);
    },
    recordServiceRequestEvent: createRecordServiceRequestEvent(dataSource),
    planSlaClock: createPlanSlaClock(dataSource, calendar ?? new WorkingCalendar(dataSource)),
    resolveSlaPolicies: createResolveSlaPolicies(dataSource),
    sendDailyDigest: createSendDailyDigest(dataSource),
    listOpenClockWorkflows: createListOpenClockWorkflows(dataSource),
  };
}
