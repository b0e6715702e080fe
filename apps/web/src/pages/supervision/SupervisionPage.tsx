import { POLICY_KEY_LABELS, POLICY_KEYS, STAGE_LABELS, STAGES } from '@zs/domain';
import { Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { Countdown } from '../../components/Countdown';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useRemote } from '../../components/use-remote';
import {
  PAGE_SIZES,
  filtersFromQuery,
  filtersToQuery,
  listQuery,
  overdueMatrix,
  summaryQuery,
  withFilter,
  type SupervisionFilters,
  type SupervisionView,
} from './supervision-query';

type ClockItem = components['schemas']['SlaClockItemDto'];
type ListQuery = NonNullable<paths['/sla/overdue']['get']['parameters']['query']>;
type SummaryQuery = NonNullable<paths['/sla/overdue/summary']['get']['parameters']['query']>;

const LEVEL_COLORS = ['gold', 'orange', 'red', 'magenta', 'purple'];

/**
 * 督办: every clock past its deadline, counted by the department that owns it and how far it has
 * been escalated (a cell leads to its list), then listed with its company, deadline and lateness;
 * the clocks due within a day on a second tab.
 */
export default function SupervisionPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const paramText = params.toString();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(paramText)), [paramText]);
  const go = (next: SupervisionFilters) => setParams(filtersToQuery(next), { replace: true });
  const levelLabel = (level: number) => (level === 0 ? t('supervision.level.none') : t('supervision.level', { level }));

  const summaryParams = useMemo(() => summaryQuery(filters), [filters]);
  const summary = useRemote(() => unwrap(api.GET('/sla/overdue/summary', { params: { query: summaryParams as SummaryQuery } })), JSON.stringify(summaryParams));
  const matrix = useMemo(() => overdueMatrix(summary.data?.cells ?? []), [summary.data]);

  const query = useMemo(() => listQuery(filters) as ListQuery, [filters]);
  const list = useRemote(async () => {
    const page = await unwrap(filters.view === 'overdue' ? api.GET('/sla/overdue', { params: { query } }) : api.GET('/sla/due-soon', { params: { query } }));
    return { page, readAt: Date.now() };
  }, `${filters.view}?${JSON.stringify(query)}`);

  const matrixColumns: ColumnsType<(typeof matrix.rows)[number]> = [
    { key: 'department', title: t('supervision.matrix.department'), dataIndex: 'department' },
    ...matrix.levels.map((level) => ({
      key: `level-${level}`,
      title: <Tag color={level === 0 ? 'default' : LEVEL_COLORS[Math.min(level - 1, LEVEL_COLORS.length - 1)]}>{levelLabel(level)}</Tag>,
      align: 'right' as const,
      render: (_: unknown, row: (typeof matrix.rows)[number]) => (
        <MatrixCount
          count={row.counts[level] ?? 0}
          selected={filters.view === 'overdue' && filters.department === row.department && filters.level === level}
          onClick={() => go(withFilter(filters, { view: 'overdue', department: row.department, level }))}
          data={{ department: row.department, level: String(level) }}
        />
      ),
    })),
    {
      key: 'total',
      title: t('supervision.matrix.total'),
      align: 'right',
      render: (_: unknown, row) => (
        <MatrixCount
          count={row.total}
          strong
          selected={filters.view === 'overdue' && filters.department === row.department && filters.level === null}
          onClick={() => go(withFilter(filters, { view: 'overdue', department: row.department, level: null }))}
          data={{ department: row.department, level: 'all' }}
        />
      ),
    },
  ];

  const listColumns: ColumnsType<ClockItem> = [
    {
      key: 'company',
      title: t('supervision.col.company'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/${c.projectId}`}>{c.companyName}</Link>
          {c.subject !== c.companyName && <Typography.Text type="secondary">{c.subject}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'clock', title: t('supervision.col.clock'), render: (_, c) => (c.policyKey && c.policyKey in POLICY_KEY_LABELS ? POLICY_KEY_LABELS[c.policyKey as keyof typeof POLICY_KEY_LABELS] : c.clockLabel) },
    { key: 'department', title: t('supervision.col.department'), dataIndex: 'department' },
    { key: 'stage', title: t('supervision.col.stage'), dataIndex: 'stageLabel', width: 110 },
    { key: 'deadline', title: t('supervision.col.deadline'), width: 150, render: (_, c) => dayjs(c.deadlineAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'remaining',
      title: t(filters.view === 'overdue' ? 'supervision.col.overdue' : 'supervision.col.remaining'),
      width: 170,
      render: (_, c) => <Countdown remainingMs={c.remainingMs} readAt={list.data?.readAt ?? Date.now()} />,
    },
    {
      key: 'level',
      title: t('supervision.col.level'),
      width: 110,
      render: (_, c) => <Tag color={c.escalationLevel === 0 ? 'default' : LEVEL_COLORS[Math.min(c.escalationLevel - 1, LEVEL_COLORS.length - 1)]}>{levelLabel(c.escalationLevel)}</Tag>,
    },
  ];

  const departmentOptions = [...new Set([...matrix.rows.map((r) => r.department), ...(filters.department ? [filters.department] : [])])];
  const filterBar = (
    <Space wrap>
      <Select
        allowClear
        aria-label={t('supervision.filter.department')}
        placeholder={t('supervision.filter.department')}
        style={{ width: 180 }}
        value={filters.department ?? undefined}
        onChange={(v?: string) => go(withFilter(filters, { department: v ?? null }))}
        options={departmentOptions.map((d) => ({ value: d, label: d }))}
      />
      {filters.view === 'overdue' && (
        <Select
          allowClear
          aria-label={t('supervision.filter.level')}
          placeholder={t('supervision.filter.level')}
          style={{ width: 140 }}
          value={filters.level ?? undefined}
          onChange={(v?: number) => go(withFilter(filters, { level: v ?? null }))}
          options={[...new Set([...matrix.levels, ...(filters.level !== null ? [filters.level] : [])])].map((l) => ({ value: l, label: levelLabel(l) }))}
        />
      )}
      <Select
        allowClear
        aria-label={t('supervision.filter.stage')}
        placeholder={t('supervision.filter.stage')}
        style={{ width: 140 }}
        value={filters.stage ?? undefined}
        onChange={(v?: string) => go(withFilter(filters, { stage: v ?? null }))}
        options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('supervision.filter.policy')}
        placeholder={t('supervision.filter.policy')}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
        value={filters.policyKey ?? undefined}
        onChange={(v?: string) => go(withFilter(filters, { policyKey: v ?? null }))}
        options={POLICY_KEYS.map((k) => ({ value: k, label: POLICY_KEY_LABELS[k] }))}
      />
      <Button onClick={() => go(filtersFromQuery(new URLSearchParams(filters.view === 'dueSoon' ? 'view=dueSoon' : '')))}>{t('common.reset')}</Button>
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.supervision')}
      </Typography.Title>
      <Card
        size="small"
        title={t('supervision.matrix')}
        extra={<Typography.Text type="secondary">{t('supervision.matrix.hint')}</Typography.Text>}
        data-testid="overdue-matrix"
      >
        <ErrorAlert error={summary.error} onRetry={summary.reload} />
        <Table
          size="small"
          rowKey="department"
          loading={summary.loading}
          columns={matrixColumns}
          dataSource={matrix.rows}
          pagination={false}
          locale={{ emptyText: t('supervision.empty') }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card size="small" title={t('supervision.list')} data-testid="overdue-list">
        <Tabs
          activeKey={filters.view}
          onChange={(key) => go(withFilter(filters, { view: key as SupervisionView, level: key === 'dueSoon' ? null : filters.level }))}
          items={(['overdue', 'dueSoon'] as const).map((view) => ({ key: view, label: t(`supervision.${view}` as MessageKey) }))}
        />
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {filterBar}
          <ErrorAlert error={list.error} onRetry={list.reload} />
          <Table<ClockItem>
            size="small"
            rowKey="id"
            loading={list.loading}
            columns={listColumns}
            dataSource={list.data?.page.items ?? []}
            locale={{ emptyText: t(filters.view === 'overdue' ? 'supervision.empty' : 'supervision.emptyDueSoon') }}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.page.total ?? 0,
              pageSizeOptions: PAGE_SIZES.map(String),
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => go({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize }),
            }}
          />
        </Space>
      </Card>
    </Space>
  );
}

function MatrixCount({ count, selected, strong, onClick, data }: { count: number; selected: boolean; strong?: boolean; onClick(): void; data: { department: string; level: string } }) {
  if (count === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Button
      type={selected ? 'primary' : 'link'}
      size="small"
      onClick={onClick}
      aria-pressed={selected}
      data-testid="matrix-count"
      data-department={data.department}
      data-level={data.level}
      style={strong ? { fontWeight: 600 } : undefined}
    >
      {count}
    </Button>
  );
}
