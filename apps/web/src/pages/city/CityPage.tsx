import { EyeOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/SessionProvider';
import { useZones } from '../../auth/use-zones';
import { useRemote } from '../../components/use-remote';
import { useI18n } from '../../i18n/I18nProvider';
import { ChartCard } from '../dashboard/ChartCard';
import type { KpiRow } from '../dashboard/kpi-charts';
import { kpiDefinitionColumns } from '../dashboard/kpi-columns';
import { cityFiltersFromQuery, cityFiltersToQuery, cityRows, type CityFilters } from './city-filters';

const today = () => dayjs().format('YYYY-MM-DD');

/**
 * 全市汇总 (issue 12, 市领导 only): GET /kpis/city, one row per zone of the city with the KPIs of
 * the leadership dashboard side by side; 查看 switches the console to that zone's data.
 */
export default function CityPage() {
  const { t } = useI18n();
  const { session, viewZone } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const paramText = params.toString();
  const filters = useMemo(() => cityFiltersFromQuery(new URLSearchParams(paramText), today()), [paramText]);
  const query = useMemo(() => cityFiltersToQuery(filters), [filters]);
  const update = (next: Partial<CityFilters>) => setParams(cityFiltersToQuery({ ...filters, ...next }), { replace: true });
  const table = useRemote(() => unwrap(api.GET('/kpis/city', { params: { query } })), JSON.stringify(query));
  const viewed = session?.viewedZone ?? session?.zone ?? null;
  const { zones } = useZones();
  const rows = useMemo(() => (table.data ? cityRows(zones, table.data.rows, { from: table.data.from, to: table.data.to ?? table.data.asOf }) : []), [zones, table.data]);

  const columns = useMemo<ColumnsType<KpiRow>>(
    () => [
      {
        key: 'zone',
        title: t('city.zone'),
        dataIndex: 'groupLabel',
        fixed: 'left',
        width: 160,
        render: (label: string, row: KpiRow) => (
          <Space size={6}>
            <span>{label}</span>
            {row.group && row.group === viewed ? <Tag color="blue">{t('zone.viewingTag')}</Tag> : null}
          </Space>
        ),
      },
      { key: 'projectCount', title: t('city.projectCount'), dataIndex: 'projectCount', align: 'right', width: 80 },
      ...kpiDefinitionColumns(table.data?.definitions ?? []),
      {
        key: 'view',
        title: '',
        fixed: 'right',
        width: 80,
        render: (_: unknown, row: KpiRow) =>
          row.group ? (
            <Tooltip title={t('city.viewTitle', { zone: row.groupLabel })}>
              <Button
                size="small"
                type="link"
                icon={<EyeOutlined />}
                aria-label={t('city.viewTitle', { zone: row.groupLabel })}
                onClick={() => {
                  viewZone(row.group);
                  navigate('/dashboard');
                }}
              >
                {t('city.view')}
              </Button>
            </Tooltip>
          ) : null,
      },
    ],
    [table.data, t, viewed, viewZone, navigate],
  );

  const range: [Dayjs, Dayjs] = [dayjs(filters.from), dayjs(filters.to)];
  const controls = (
    <Space wrap size="small">
      <DatePicker.RangePicker
        size="small"
        aria-label={t('city.period')}
        allowClear={false}
        value={range}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(v) => v?.[0] && v[1] && update({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
      />
      <DatePicker
        size="small"
        aria-label={t('city.asOf')}
        placeholder={t('city.asOf')}
        value={filters.asOf ? dayjs(filters.asOf) : null}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(d) => update({ asOf: d ? d.format('YYYY-MM-DD') : null })}
      />
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.city')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('city.hint')}</Typography.Text>
      <ChartCard title={t('menu.city')} extra={controls} loading={false} error={table.error} onRetry={table.reload} testId="city-table">
        <Table<KpiRow>
          size="small"
          rowKey={(r) => r.group ?? r.groupLabel}
          loading={table.loading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          footer={table.data ? () => t('city.total', { count: rows.length }) : undefined}
        />
      </ChartCard>
    </Space>
  );
}
