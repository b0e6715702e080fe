import type { DataSource } from 'typeorm';
import type { LifecycleActivities } from '@zs/contracts';
import { InAppChannel } from './notifier/in-app.channel';
import { Notifier } from './notifier/notifier';
import { createRecordProjectEvent } from './record-project-event';
import { createRecordServiceRequestEvent } from './record-service-request-event';

export interface ActivityDeps {
  dataSource: DataSource;
  notifier?: Notifier;
}

/** Builds the activities with their dependencies injected (the worker owns the DataSource). */
export function createActivities({ dataSource, notifier }: ActivityDeps): LifecycleActivities {
  const send = notifier ?? new Notifier([new InAppChannel(dataSource)]);
  return {
    recordProjectEvent: createRecordProjectEvent(dataSource),
    sendNotification: (request) => send.send(request),
    recordServiceRequestEvent: createRecordServiceRequestEvent(dataSource),
  };
}
