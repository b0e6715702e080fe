import { Col, DatePicker, Row, Segmented, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useRemote } from '../../components/use-remote';
import './dashboard-echarts';
import { filtersFromQuery, filtersToQuery, type DashboardFilters, type TrendPeriod } from './dashboard-filters';
import { DoubleHalfCard } from './DoubleHalfCard';
import { FunnelCard } from './FunnelCard';
import { KpiBarCard } from './KpiBarCard';
import { KpiTableCard } from './KpiTableCard';
import { LeaderboardCard } from './LeaderboardCard';
import { TrendCard } from './TrendCard';

const today = () => dayjs().format('YYYY-MM-DD');

/**
 * 领导驾驶舱: the KPIs of GET /kpis as charts over a period (and a department), 双过半 per department,
 * the campaign leaderboard, the trend and the KPI table. Every chart leads to the projects behind it.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const paramText = params.toString();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(paramText), today()), [paramText]);
  const update = (next: Partial<DashboardFilters>) => setParams(filtersToQuery({ ...filters, ...next }), { replace: true });

  const definitions = useRemote(() => unwrap(api.GET('/kpis/definitions')), 'definitions');
  const departments = useRemote(() => unwrap(api.GET('/departments', { params: { query: { active: true } } })), 'departments');
  const range: [Dayjs, Dayjs] = [dayjs(filters.from), dayjs(filters.to)];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.dashboard')}
        </Typography.Title>
        <Space wrap>
          <DatePicker.RangePicker
            aria-label={t('dashboard.period')}
            allowClear={false}
            value={range}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(v) => v?.[0] && v[1] && update({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
          />
          <Select
            aria-label={t('dashboard.department')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('dashboard.allDepartments')}
            style={{ width: 200 }}
            value={filters.departmentId ?? undefined}
            onChange={(v?: string) => update({ departmentId: v ?? null })}
            options={(departments.data ?? []).filter((d) => d.kind !== 'external').map((d) => ({ value: d.id, label: d.name }))}
          />
          <Segmented
            value={filters.period}
            onChange={(v) => update({ period: v as TrendPeriod })}
            options={[
              { value: 'month', label: t('dashboard.month') },
              { value: 'quarter', label: t('dashboard.quarter') },
            ]}
          />
        </Space>
      </Space>
      <Typography.Text type="secondary">{t('dashboard.clickHint')}</Typography.Text>
      <ErrorAlert error={definitions.error ?? departments.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <FunnelCard filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <TrendCard filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <KpiBarCard groupBy="department" title={t('dashboard.byDepartment')} filters={filters} definitions={definitions.data ?? []} testId="chart-department" />
        </Col>
        <Col xs={24} xl={12}>
          <KpiBarCard groupBy="chain" title={t('dashboard.byChain')} filters={filters} definitions={definitions.data ?? []} testId="chart-chain" />
        </Col>
        <Col span={24}>
          <DoubleHalfCard filters={filters} />
        </Col>
        <Col span={24}>
          <LeaderboardCard />
        </Col>
        <Col span={24}>
          <KpiTableCard filters={filters} />
        </Col>
      </Row>
    </Space>
  );
}
