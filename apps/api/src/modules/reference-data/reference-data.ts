import {
  CLOCK_LABELS,
  CLOCK_NAMES,
  CONTACT_KIND_LABELS,
  CONTACT_KINDS,
  INFO_GRADES,
  MILESTONE_KINDS,
  MILESTONE_LABELS,
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
  infoGrades: INFO_GRADES.map((code) => ({ code, label: `${code}类信息` })),
  clocks: labelled(CLOCK_NAMES, CLOCK_LABELS),
  contactKinds: labelled(CONTACT_KINDS, CONTACT_KIND_LABELS),
  milestoneKinds: labelled(MILESTONE_KINDS, MILESTONE_LABELS),
  serviceCategories: labelled(SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS),
  satisfactionRatings: labelled(SATISFACTION_RATINGS, SATISFACTION_LABELS),
  serviceStatuses: labelled(SERVICE_STATUSES, SERVICE_STATUS_LABELS),
});
