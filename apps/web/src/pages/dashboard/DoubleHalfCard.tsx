import { Card, Col, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { EChart } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { useRemote } from '../../components/use-remote';
import { ChartCard } from './ChartCard';
import { targetYear, type DashboardFilters } from './dashboard-filters';
import { doubleHalfGauges, formatKpi, gaugeOption, type DoubleHalfGauge } from './kpi-charts';
import { projectsPath } from './project-links';

const STATUS_COLORS: Record<string, string> = { achieved_early: 'green', met: 'green', on_track: 'blue', behind: 'orange', missed: 'red', no_target: 'default' };

/** 双过半 per department (GET /targets/progress): contract investment and funds in place against the year's target. */
export function DoubleHalfCard({ filters }: { filters: DashboardFilters }) {
  const { t } = useI18n();
  const year = targetYear(filters);
  const query = useMemo(() => ({ year, scopeKind: 'department' as const, asOf: filters.to }), [year, filters.to]);
  const report = useRemote(() => unwrap(api.GET('/targets/progress', { params: { query } })), JSON.stringify(query));
  const gauges = useMemo(
    () => doubleHalfGauges(report.data?.items ?? []).filter((g) => !filters.departmentId || g.departmentId === filters.departmentId),
    [report.data, filters.departmentId],
  );
  return (
    <ChartCard
      title={t('dashboard.doubleHalf', { year })}
      formula={report.data?.doubleHalfDefinition}
      loading={report.loading}
      error={report.error}
      onRetry={report.reload}
      empty={gauges.length === 0}
      emptyText={t('dashboard.doubleHalf.none', { year })}
      testId="chart-double-half"
    >
      <Row gutter={[12, 12]}>
        {gauges.map((g) => (
          <Col key={g.departmentId} xs={24} md={12} xl={8}>
            <DepartmentGauge gauge={g} year={year} />
          </Col>
        ))}
      </Row>
    </ChartCard>
  );
}

function DepartmentGauge({ gauge, year }: { gauge: DoubleHalfGauge; year: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const titles = useMemo(() => ({ contractInvestment: t('dashboard.doubleHalf.contractInvestment'), fundsInPlace: t('dashboard.doubleHalf.fundsInPlace') }), [t]);
  const option = useMemo(() => gaugeOption(gauge, titles), [gauge, titles]);
  // The department's projects signed this year up to the day the figures count.
  const onEvents = useMemo(
    () => ({ click: () => navigate(projectsPath({ departmentId: gauge.departmentId, signedFrom: `${year}-01-01`, signedTo: gauge.evaluatedTo })) }),
    [gauge, year, navigate],
  );
  return (
    <Card
      size="small"
      type="inner"
      title={<Typography.Text style={{ whiteSpace: 'normal' }}>{gauge.name}</Typography.Text>}
      extra={<Tag color={STATUS_COLORS[gauge.status]}>{gauge.statusLabel}</Tag>}
      data-testid="double-half-gauge"
      data-department={gauge.departmentId}
    >
      <EChart option={option} height={170} onEvents={onEvents} ariaLabel={`${gauge.name} ${gauge.statusLabel}`} />
      {gauge.figures.map((f) => (
        <div key={f.key} data-testid={`double-half-${f.key}`} data-percent={f.percent ?? ''}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.target === null
              ? t('dashboard.doubleHalf.noTarget', { label: titles[f.key], actual: f.actual })
              : t('dashboard.doubleHalf.figure', { label: titles[f.key], actual: f.actual, target: f.target, percent: formatKpi(f.percent, '%') })}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
