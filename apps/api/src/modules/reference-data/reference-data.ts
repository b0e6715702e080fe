import { NOTIFICATION_CHANNELS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '@zs/contracts';
import { OUTBOX_STATUSES, WEBHOOK_FORMATS } from '@zs/persistence';
import {
  CLOCK_LABELS,
  CLOCK_NAMES,
  CONTACT_KIND_LABELS,
  CONTACT_KINDS,
  INFO_GRADE_LABELS,
  INFO_GRADES,
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  POLICY_KEY_LABELS,
  POLICY_KEYS,
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  ROLE_LABELS,
  ROLES,
  SATISFACTION_LABELS,
  SATISFACTION_RATINGS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_STATUS_LABELS,
  SERVICE_STATUSES,
  SOURCE_CHANNEL_LABELS,
  SOURCE_CHANNELS,
  STAGE_LABELS,
  STAGES,
} from '@zs/domain';
import { CHANNEL_LABELS, OUTBOX_STATUS_LABELS, WEBHOOK_FORMAT_LABELS } from '../outbox/outbox-labels';

export interface LabelledCode {
  code: string;
  label: string;
}

export interface ReferenceData {
  roles: LabelledCode[];
  stages: LabelledCode[];
  sourceChannels: LabelledCode[];
  projectKinds: LabelledCode[];
  infoGrades: LabelledCode[];
  clocks: LabelledCode[];
  contactKinds: LabelledCode[];
  milestoneKinds: LabelledCode[];
  serviceCategories: LabelledCode[];
  satisfactionRatings: LabelledCode[];
  serviceStatuses: LabelledCode[];
  slaPolicies: LabelledCode[];
  notificationKinds: LabelledCode[];
  notificationChannels: LabelledCode[];
  outboxStatuses: LabelledCode[];
  webhookFormats: LabelledCode[];
}

function labelled<C extends string>(codes: readonly C[], labels: Record<C, string>): LabelledCode[] {
  return codes.map((code) => ({ code, label: labels[code] }));
}

/** Built once from the domain tables, in their declared order (the order staff UIs show). */
export const REFERENCE_DATA: ReferenceData = Object.freeze({
  roles: labelled(ROLES, ROLE_LABELS),
  stages: labelled(STAGES, STAGE_LABELS),
  sourceChannels: labelled(SOURCE_CHANNELS, SOURCE_CHANNEL_LABELS),
  projectKinds: labelled(PROJECT_KINDS, PROJECT_KIND_LABELS),
  infoGrades: labelled(INFO_GRADES, INFO_GRADE_LABELS),
  clocks: labelled(CLOCK_NAMES, CLOCK_LABELS),
  contactKinds: labelled(CONTACT_KINDS, CONTACT_KIND_LABELS),
  milestoneKinds: labelled(MILESTONE_KINDS, MILESTONE_LABELS),
  serviceCategories: labelled(SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS),
  satisfactionRatings: labelled(SATISFACTION_RATINGS, SATISFACTION_LABELS),
  serviceStatuses: labelled(SERVICE_STATUSES, SERVICE_STATUS_LABELS),
  slaPolicies: labelled(POLICY_KEYS, POLICY_KEY_LABELS),
  notificationKinds: labelled(NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS),
  notificationChannels: labelled(NOTIFICATION_CHANNELS, CHANNEL_LABELS),
  outboxStatuses: labelled(OUTBOX_STATUSES, OUTBOX_STATUS_LABELS),
  webhookFormats: labelled(WEBHOOK_FORMATS, WEBHOOK_FORMAT_LABELS),
});
