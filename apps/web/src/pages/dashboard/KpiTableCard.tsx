import { DownloadOutlined } from '@ant-design/icons';
import { KPI_GROUP_BY_LABELS } from '@zs/domain';
import { App, Button, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, download, unwrap } from '../../api/client';
import { errorText } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useRemote } from '../../components/use-remote';
import { ChartCard } from './ChartCard';
import { TABLE_GROUP_BYS, kpiQuery, type DashboardFilters, type TableGroupBy } from './dashboard-filters';
import { kpiDefinitionColumns } from './kpi-columns';
import type { KpiRow } from './kpi-charts';

/** Every KPI of GET /kpis as a table, grouped as the leader chooses; each header's formula on hover; CSV/XLSX export. */
export function KpiTableCard({ filters }: { filters: DashboardFilters }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [groupBy, setGroupBy] = useState<TableGroupBy>('department');
  const query = useMemo(() => kpiQuery(filters, groupBy), [filters, groupBy]);
  const table = useRemote(() => unwrap(api.GET('/kpis', { params: { query } })), JSON.stringify(query));
  const [exporting, setExporting] = useState<string>();

  const columns = useMemo<ColumnsType<KpiRow>>(
    () => [
      { key: 'group', title: KPI_GROUP_BY_LABELS[groupBy], dataIndex: 'groupLabel', fixed: 'left', width: 160 },
      { key: 'projectCount', title: t('dashboard.table.projectCount'), dataIndex: 'projectCount', align: 'right', width: 80 },
      ...kpiDefinitionColumns(table.data?.definitions ?? []),
    ],
    [groupBy, table.data, t],
  );

  async function exportAs(format: 'csv' | 'xlsx') {
    setExporting(format);
    try {
      await download(`/kpis/export?${new URLSearchParams({ ...query, format })}`, `kpis.${format}`);
    } catch (err) {
      message.error(errorText(err, t('error.network'), t('common.error')));
    } finally {
      setExporting(undefined);
    }
  }

  const controls = (
    <Space wrap size="small">
      <span>{t('dashboard.table.groupBy')}</span>
      <Select
        size="small"
        value={groupBy}
        onChange={setGroupBy}
        aria-label={t('dashboard.table.groupBy')}
        style={{ width: 120 }}
        options={TABLE_GROUP_BYS.map((g) => ({ value: g, label: KPI_GROUP_BY_LABELS[g] }))}
      />
      <Button size="small" icon={<DownloadOutlined />} loading={exporting === 'csv'} onClick={() => exportAs('csv')}>
        {t('dashboard.export.csv')}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
        {t('dashboard.export.xlsx')}
      </Button>
    </Space>
  );
  return (
    <ChartCard title={t('dashboard.table')} extra={controls} loading={false} error={table.error} onRetry={table.reload} testId="kpi-table">
      <Table<KpiRow>
        size="small"
        rowKey={(r) => `${r.group}/${r.period}`}
        loading={table.loading}
        columns={columns}
        dataSource={table.data?.rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
    </ChartCard>
  );
}
