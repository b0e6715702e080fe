import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { EChart } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { useRemote } from '../../components/use-remote';
import { ChartCard } from './ChartCard';
import type { DashboardFilters } from './dashboard-filters';
import { funnelOption } from './kpi-charts';
import { FUNNEL_STEPS, funnelFilter, projectsPath } from './project-links';

/**
 * Leads registered in the period → accepted → signed → in production, each step counted by 项目库
 * itself (GET /projects' total with the step's filter), so a click lands on exactly the projects counted.
 */
export function FunnelCard({ filters }: { filters: DashboardFilters }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const stepFilters = useMemo(() => FUNNEL_STEPS.map((s) => funnelFilter(s.key, filters, filters.departmentId)), [filters]);
  const counts = useRemote(
    () => Promise.all(stepFilters.map(async (query) => (await unwrap(api.GET('/projects', { params: { query: { ...query, pageSize: 1 } } }))).total)),
    JSON.stringify(stepFilters),
  );
  const steps = useMemo(() => FUNNEL_STEPS.map((s, i) => ({ step: s.key, label: t(`dashboard.funnel.${s.key}`), value: counts.data?.[i] ?? 0 })), [counts.data, t]);
  const option = useMemo(() => funnelOption(steps), [steps]);
  const onEvents = useMemo(() => ({ click: (p: unknown) => navigate(projectsPath(stepFilters[(p as { dataIndex: number }).dataIndex])) }), [navigate, stepFilters]);
  return (
    <ChartCard title={t('dashboard.funnel')} loading={counts.loading} error={counts.error} onRetry={counts.reload} testId="chart-funnel">
      <EChart option={option} height={280} onEvents={onEvents} ariaLabel={`${t('dashboard.funnel')}：${steps.map((s) => `${s.label} ${s.value}`).join('，')}`} testId="funnel" />
    </ChartCard>
  );
}
