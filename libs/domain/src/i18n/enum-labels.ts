import { FORTUNE_500_LIST_LABELS, INFO_GRADE_LABELS, INVESTOR_ORIGIN_LABELS, PROJECT_KIND_LABELS, SOURCE_CHANNEL_LABELS, SPECIALIZED_SME_LEVEL_LABELS } from '../lead';
import { ROLE_LABELS } from '../roles';
import { STAGE_LABELS } from '../stages';
import { CONTACT_KIND_LABELS } from '../project/negotiation-state';
import { MILESTONE_LABELS } from '../project/construction-state';
import { FUNDS_SOURCE_LABELS } from '../project/funds';
import { VISIT_KIND_LABELS } from '../project/visits';
import { INTAKE_ACTION_LABELS } from '../project/intake-transitions';
import { NEGOTIATION_OUTCOME_LABELS } from '../project/negotiation-transitions';
import { SATISFACTION_LABELS, SERVICE_CATEGORY_LABELS, SERVICE_STATUS_LABELS } from '../service/service-request-state';
import { CLOCK_LABELS } from '../sla/sla-policy';
import { ALERT_RECIPIENT_LABELS, POLICY_KEY_LABELS } from '../sla/policy-definition';
import { DEPARTMENT_KIND_LABELS, INDUSTRY_CHAIN_KIND_LABELS } from '../organisation/org-kinds';
import { TARGET_SCOPE_KIND_LABELS } from '../kpi/targets';
import { KPI_PERIOD_LABELS } from '../kpi/kpi-periods';
import { KPI_GROUP_BY_LABELS } from '../kpi/kpi-table';
import { LEADERBOARD_BY_LABELS } from '../campaign/leaderboard';

/**
 * The domain's code → Chinese label tables (each defined next to its codes), gathered so an
 * error listing the allowed values of a field can say each with its label:
 * `线索来源须为以下之一：small_team（小分队招商）、…`. Tables outside the domain (outbox
 * statuses, webhook formats) are passed in by the API when it renders.
 */
export const DOMAIN_ENUM_LABELS: readonly Readonly<Record<string, string>>[] = [
  STAGE_LABELS,
  ROLE_LABELS,
  SOURCE_CHANNEL_LABELS,
  INFO_GRADE_LABELS,
  PROJECT_KIND_LABELS,
  FORTUNE_500_LIST_LABELS,
  SPECIALIZED_SME_LEVEL_LABELS,
  INVESTOR_ORIGIN_LABELS,
  CONTACT_KIND_LABELS,
  MILESTONE_LABELS,
  FUNDS_SOURCE_LABELS,
  VISIT_KIND_LABELS,
  INTAKE_ACTION_LABELS,
  NEGOTIATION_OUTCOME_LABELS,
  SERVICE_CATEGORY_LABELS,
  SATISFACTION_LABELS,
  SERVICE_STATUS_LABELS,
  CLOCK_LABELS,
  POLICY_KEY_LABELS,
  ALERT_RECIPIENT_LABELS,
  DEPARTMENT_KIND_LABELS,
  INDUSTRY_CHAIN_KIND_LABELS,
  TARGET_SCOPE_KIND_LABELS,
  KPI_PERIOD_LABELS,
  KPI_GROUP_BY_LABELS,
  LEADERBOARD_BY_LABELS,
];

/**
 * The labels of a list of allowed values: the first table that labels every one of them (so
 * `['A','B','C']` finds the information grades), or null when none does.
 */
export function labelsForValues(values: readonly unknown[], tables: readonly Readonly<Record<string, string>>[] = DOMAIN_ENUM_LABELS): Readonly<Record<string, string>> | null {
  if (values.length === 0) return null;
  return tables.find((t) => values.every((v) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(t, v))) ?? null;
}
