import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { EChart } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { useRemote } from '../../components/use-remote';
import { ChartCard } from './ChartCard';
import { kpiQuery, type DashboardFilters } from './dashboard-filters';
import { trendOption, trendSeries } from './kpi-charts';
import { kpiFilter, projectsPath } from './project-links';

/** Registrations and signings (bars), contract investment and funds in place (lines) per month or quarter. */
const TREND_KPIS = ['projects_registered', 'projects_signed', 'contract_investment_yi', 'funds_in_place_yi'];

export function TrendCard({ filters }: { filters: DashboardFilters }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useMemo(() => kpiQuery(filters, 'period'), [filters]);
  const table = useRemote(() => unwrap(api.GET('/kpis', { params: { query } })), JSON.stringify(query));
  const rows = useMemo(() => table.data?.rows ?? [], [table.data]);
  const trend = useMemo(() => trendSeries(rows, table.data?.definitions ?? [], TREND_KPIS), [rows, table.data]);
  const option = useMemo(() => trendOption(trend), [trend]);
  // A point leads to the projects registered or signed in its period (funds: the department's projects).
  const onEvents = useMemo(
    () => ({
      click: (p: unknown) => {
        const { dataIndex, seriesIndex } = p as { dataIndex: number; seriesIndex: number };
        const row = rows[dataIndex];
        const code = trend.series[seriesIndex]?.code;
        if (!row || !code) return;
        navigate(projectsPath({ ...(filters.departmentId ? { departmentId: filters.departmentId } : {}), ...kpiFilter(code, { from: row.from ?? filters.from, to: row.to }) }));
      },
    }),
    [rows, trend, filters, navigate],
  );
  const title = t(filters.period === 'quarter' ? 'dashboard.trend.quarter' : 'dashboard.trend.month');
  return (
    <ChartCard title={title} loading={table.loading} error={table.error} onRetry={table.reload} empty={rows.length === 0} testId="chart-trend">
      <EChart option={option} height={280} notMerge onEvents={onEvents} ariaLabel={title} testId="trend-canvas" />
    </ChartCard>
  );
}
