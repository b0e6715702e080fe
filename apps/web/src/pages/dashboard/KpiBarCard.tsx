import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { EChart } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { useRemote } from '../../components/use-remote';
import { ChartCard } from './ChartCard';
import { kpiQuery, type DashboardFilters } from './dashboard-filters';
import { barAt, barOption, kpiBars, type KpiDefinition } from './kpi-charts';
import { kpiBarFilter, projectsPath } from './project-links';

interface KpiBarCardProps {
  groupBy: 'department' | 'chain';
  title: string;
  filters: DashboardFilters;
  definitions: readonly KpiDefinition[];
  testId: string;
}

const DEFAULT_KPI = 'projects_signed';

/** One KPI (chosen from GET /kpis/definitions) per department or chain; a bar leads to its projects. */
export function KpiBarCard({ groupBy, title, filters, definitions, testId }: KpiBarCardProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState(DEFAULT_KPI);
  const query = useMemo(() => kpiQuery(filters, groupBy), [filters, groupBy]);
  const table = useRemote(() => unwrap(api.GET('/kpis', { params: { query } })), JSON.stringify(query));
  const def = definitions.find((d) => d.code === code) ?? table.data?.definitions.find((d) => d.code === code);
  const bars = useMemo(() => kpiBars(table.data?.rows ?? [], code), [table.data, code]);
  const option = useMemo(() => barOption(bars, def ?? { label: code, unit: '个' }), [bars, def, code]);
  const onEvents = useMemo(
    () => ({
      click: (p: unknown) => {
        const bar = barAt(bars, (p as { dataIndex: number }).dataIndex);
        const filter = bar && kpiBarFilter(groupBy, bar.group, code, filters, filters.departmentId);
        if (filter) navigate(projectsPath(filter));
      },
    }),
    [bars, groupBy, code, filters, navigate],
  );
  const picker = (
    <Select
      size="small"
      value={code}
      onChange={setCode}
      aria-label={`${title}：${t('dashboard.kpi')}`}
      style={{ width: 200 }}
      popupMatchSelectWidth={false}
      options={definitions.map((d) => ({ value: d.code, label: d.label }))}
    />
  );
  return (
    <ChartCard title={title} formula={def?.formula} extra={picker} loading={table.loading} error={table.error} onRetry={table.reload} empty={bars.length === 0} testId={testId}>
      <EChart option={option} height={Math.max(240, bars.length * 36 + 48)} notMerge onEvents={onEvents} ariaLabel={`${title}：${def?.label ?? ''}`} testId={`${testId}-canvas`} />
    </ChartCard>
  );
}
