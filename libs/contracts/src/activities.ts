import type { DigestActivities } from './daily-digest';
import type { SlaActivities } from './sla-clocks';
import type { SlaRecalculationActivities } from './sla-recalculation';
import type { ProjectionActivities } from './projection';
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

export const NOTIFICATION_KINDS = ['sla.warning', 'sla.escalated', 'follow_up.reminder', 'milestone.weekly', 'fulfilment.due', 'digest.daily'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** As staff read them in e-mails and group-robot messages. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'sla.warning': '超时预警',
  'sla.escalated': '超时督办',
  'follow_up.reminder': '跟进提醒',
  'milestone.weekly': '节点周报',
  'fulfilment.due': '履约检查',
  'digest.daily': '每日汇总',
};

/** Ways an alert reaches a person; `in_app` (the inbox) is always written, the others follow each user's preferences. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * One alert. Addressed to at least one of `recipientUserId`, `recipientRole`, `recipientDepartment`:
 * a named user gets it alone; otherwise every active user holding the role (in the department,
 * when given), or every active user of the department when no role is given.
 */
export interface NotificationRequest {
  /**
   * Identifies the EVENT (e.g. project, clock, threshold, addressee): the same alert is stored and
   * delivered once per recipient and channel whatever the retries. Outbox rows are keyed
   * `${dedupeKey}|${recipient}|${channel}`.
   */
  dedupeKey: string;
  /** Null for alerts that concern no single project (the daily digest). */
  projectId: string | null;
  kind: NotificationKind;
  level: number;
  recipientRole?: Role;
  /** Free text as in users.department, e.g. '项目服务局'. */
  recipientDepartment?: string;
  /** A named person (e.g. the lead's owner); without it, everyone holding the role and/or in the department. */
  recipientUserId?: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** Activities the lifecycle workflow calls; implemented in activities/, typed here so workflows need no import of them. */
export interface LifecycleActivities extends SlaActivities, DigestActivities, SlaRecalculationActivities, ProjectionActivities {
  /** Before issue 8 (kept for replay): the local activity that wrote before the workflow task committed. */
  recordProjectEvent(input: RecordProjectEventInput): Promise<void>;
  sendNotification(request: NotificationRequest): Promise<void>;
  recordServiceRequestEvent(input: RecordServiceRequestEventInput): Promise<void>;
}
