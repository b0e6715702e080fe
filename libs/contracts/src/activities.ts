import type { AuditEntry, ProjectState, Role, ServiceRequestState } from '@zs/domain';

/** Persists one state change: the audit event and the read model, atomically and idempotently. */
export interface RecordProjectEventInput {
  workflowId: string;
  runId: string;
  state: ProjectState;
  audit: AuditEntry;
}

export interface RecordServiceRequestEventInput {
  workflowId: string;
  runId: string;
  state: ServiceRequestState;
  audit: AuditEntry;
}

export type NotificationKind = 'sla.warning' | 'sla.escalated' | 'follow_up.reminder' | 'milestone.weekly' | 'fulfilment.due';

export interface NotificationRequest {
  /** Unique per (project, clock, threshold, recipient): the same alert is stored once whatever the retries. */
  dedupeKey: string;
  projectId: string;
  kind: NotificationKind;
  level: number;
  recipientRole: Role;
  /** A named person (e.g. the lead's owner); without it, everyone holding the role. */
  recipientUserId?: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** Activities the lifecycle workflow calls; implemented in activities/, typed here so workflows need no import of them. */
export interface LifecycleActivities {
  recordProjectEvent(input: RecordProjectEventInput): Promise<void>;
  sendNotification(request: NotificationRequest): Promise<void>;
  recordServiceRequestEvent(input: RecordServiceRequestEventInput): Promise<void>;
}
