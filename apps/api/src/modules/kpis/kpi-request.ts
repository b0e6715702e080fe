import { ERROR_CODES, periodsBetween, shanghaiDate, type KpiFilter, type KpiGroupBy, type KpiPeriod, localized, type Localized } from '@zs/domain';
import { fieldRefusal } from '../../common/errors/api.exception';
import type { KpiQuery } from './dto/kpi.query';

/** More rows than a person reads; a month split over 20 years is a mistake, not a report. */
export const MAX_PERIOD_BUCKETS = 240;

export interface KpiRequest {
  groupBy: KpiGroupBy;
  period: KpiPeriod | undefined;
  from: string | null;
  to: string | null;
  asOf: string;
  filter: KpiFilter;
}

function refuse(field: string, message: Localized): never {
  throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, message);
}

/** The query's cross-field rules (the DTO checked each field): from ≤ to, a bounded number of periods. */
export function kpiRequestOf(q: KpiQuery, now: number): KpiRequest {
  const asOf = q.asOf ?? shanghaiDate(now);
  const from = q.from ?? null;
  const to = q.to ?? null;
  if (from && to && from > to) refuse('to', localized('{field}不能早于起始日', '{field} must not be before from'));
  const groupBy = q.groupBy ?? 'department';
  const period = q.period ?? (groupBy === 'period' ? 'month' : undefined);
  if (period) {
    const end = to && to < asOf ? to : asOf;
    if (!from) refuse('from', localized('按期间分组时须给出{field}', '{field} is required when splitting by period'));
    if (from <= end && periodsBetween(from, end, period).length > MAX_PERIOD_BUCKETS) {
      refuse('period', localized(`期间超过 ${MAX_PERIOD_BUCKETS} 个，请缩小起止日期`, `{field} gives more than ${MAX_PERIOD_BUCKETS} periods; narrow from/to`));
    }
  }
  const filter: KpiFilter = {};
  if (q.department) filter.departmentId = q.department;
  if (q.team) filter.teamId = q.team;
  if (q.officer) filter.officerId = q.officer;
  if (q.chain) filter.chain = q.chain;
  if (q.campaign) filter.campaignId = q.campaign;
  return { groupBy, period, from, to, asOf, filter };
}
