import { NOTIFICATION_CHANNELS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '@zs/contracts';
import { OUTBOX_STATUSES, WEBHOOK_FORMATS } from '@zs/persistence';
import {
  ALERT_RECIPIENT_LABELS,
  AUDIT_ACTION_LABELS,
  ALERT_RECIPIENTS,
  DEPARTMENT_KIND_LABELS,
  DEPARTMENT_KINDS,
  ERROR_CODE_LABELS,
  ERROR_CODES,
  FORTUNE_500_LIST_LABELS,
  FORTUNE_500_LISTS,
  FUNDS_SOURCE_LABELS,
  FUNDS_SOURCES,
  INDUSTRY_CHAIN_KIND_LABELS,
  INDUSTRY_CHAIN_KINDS,
  INTAKE_ACTION_LABELS,
  INTAKE_ACTIONS,
  INVESTOR_ORIGIN_LABELS,
  INVESTOR_ORIGINS,
  KPI_DEFINITIONS,
  KPI_GROUP_BY_LABELS,
  KPI_GROUP_BYS,
  KPI_PERIOD_LABELS,
  KPI_PERIODS,
  LEADERBOARD_BY_LABELS,
  LEADERBOARD_BYS,
  NEGOTIATION_OUTCOME_LABELS,
  NEGOTIATION_OUTCOMES,
  SPECIALIZED_SME_LEVEL_LABELS,
  SPECIALIZED_SME_LEVELS,
  TARGET_SCOPE_KIND_LABELS,
  TARGET_SCOPE_KINDS,
  VISIT_KIND_LABELS,
  VISIT_KINDS,
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
import { SECURITY_EVENT_KINDS } from '@zs/persistence';
import { SECURITY_EVENT_LABELS } from '../audit/security-audit.service';
import { CHANNEL_LABELS, OUTBOX_STATUS_LABELS, WEBHOOK_FORMAT_LABELS } from '../outbox/outbox-labels';
import { BOOLEAN_TEXT_LABELS, INVESTMENT_BAND_LABELS, INVESTMENT_BANDS } from '../projects/dto/list-projects.query';

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
  visitKinds: LabelledCode[];
  fundsSources: LabelledCode[];
  fortune500Lists: LabelledCode[];
  specializedSmeLevels: LabelledCode[];
  investorOrigins: LabelledCode[];
  intakeActions: LabelledCode[];
  negotiationOutcomes: LabelledCode[];
  investmentBands: LabelledCode[];
  booleanFilters: LabelledCode[];
  departmentKinds: LabelledCode[];
  industryChainKinds: LabelledCode[];
  alertRecipients: LabelledCode[];
  targetScopeKinds: LabelledCode[];
  kpiPeriods: LabelledCode[];
  kpiGroupBys: LabelledCode[];
  leaderboardBys: LabelledCode[];
  kpis: LabelledCode[];
  securityEventKinds: LabelledCode[];
  auditActions: LabelledCode[];
  errorCodes: LabelledCode[];
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
  visitKinds: labelled(VISIT_KINDS, VISIT_KIND_LABELS),
  fundsSources: labelled(FUNDS_SOURCES, FUNDS_SOURCE_LABELS),
  fortune500Lists: labelled(FORTUNE_500_LISTS, FORTUNE_500_LIST_LABELS),
  specializedSmeLevels: labelled(SPECIALIZED_SME_LEVELS, SPECIALIZED_SME_LEVEL_LABELS),
  investorOrigins: labelled(INVESTOR_ORIGINS, INVESTOR_ORIGIN_LABELS),
  intakeActions: labelled(INTAKE_ACTIONS, INTAKE_ACTION_LABELS),
  negotiationOutcomes: labelled(NEGOTIATION_OUTCOMES, NEGOTIATION_OUTCOME_LABELS),
  investmentBands: labelled(INVESTMENT_BANDS, INVESTMENT_BAND_LABELS),
  booleanFilters: labelled(['true', 'false'] as const, BOOLEAN_TEXT_LABELS),
  departmentKinds: labelled(DEPARTMENT_KINDS, DEPARTMENT_KIND_LABELS),
  industryChainKinds: labelled(INDUSTRY_CHAIN_KINDS, INDUSTRY_CHAIN_KIND_LABELS),
  alertRecipients: labelled(ALERT_RECIPIENTS, ALERT_RECIPIENT_LABELS),
  targetScopeKinds: labelled(TARGET_SCOPE_KINDS, TARGET_SCOPE_KIND_LABELS),
  kpiPeriods: labelled(KPI_PERIODS, KPI_PERIOD_LABELS),
  kpiGroupBys: labelled(KPI_GROUP_BYS, KPI_GROUP_BY_LABELS),
  leaderboardBys: labelled(LEADERBOARD_BYS, LEADERBOARD_BY_LABELS),
  kpis: KPI_DEFINITIONS.map((d) => ({ code: d.code, label: d.label })),
  securityEventKinds: labelled(SECURITY_EVENT_KINDS, SECURITY_EVENT_LABELS),
  auditActions: Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({ code, label })),
  // The Chinese label of each error code (the envelope's message is already in the caller's language).
  errorCodes: labelled(Object.values(ERROR_CODES), Object.fromEntries(Object.entries(ERROR_CODE_LABELS).map(([code, text]) => [code, text.zh])) as Record<string, string>),
});
