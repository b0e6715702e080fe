import { Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import type { ProjectTabProps } from '../project-tab';
import { formatDateTime, formatPercent, formatYi } from './format';
import { fundsSummary, type FundsLedgerRow } from './funds-summary';

/** 到位资金: the ledger of money put in place, against the contract's committed investment. */
export default function FundsTab({ project }: ProjectTabProps) {
  const { t } = useI18n();
  const summary = useMemo(() => fundsSummary(project.funds, project.contract?.contractInvestmentYi ?? null), [project.funds, project.contract]);
  const yi = (amount: number) => t('projectTabs.funds.yi', { amount: formatYi(amount) });

  const columns: TableColumnsType<FundsLedgerRow> = [
    { title: t('projectTabs.funds.date'), dataIndex: 'date', width: 110 },
    { title: t('projectTabs.funds.amount'), dataIndex: 'amountYi', width: 120, align: 'right', render: (v: number) => yi(v) },
    { title: t('projectTabs.funds.source'), dataIndex: 'sourceLabel', width: 120 },
    { title: t('projectTabs.funds.evidence'), dataIndex: 'evidence' },
    { title: t('projectTabs.funds.cumulative'), dataIndex: 'cumulativeYi', width: 120, align: 'right', render: (v: number) => yi(v) },
    { title: t('projectTabs.funds.recordedBy'), key: 'by', width: 100, render: (_, f) => f.recordedBy.displayName ?? '—' },
    { title: t('projectTabs.funds.recordedAt'), dataIndex: 'recordedAt', width: 150, render: (at: string) => formatDateTime(at) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]} data-testid="funds-totals">
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('projectTabs.funds.committed')} value={summary.committedYi === null ? '—' : yi(summary.committedYi)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('projectTabs.funds.total')} value={yi(summary.totalYi)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('projectTabs.funds.outstanding')} value={summary.outstandingYi === null ? '—' : yi(summary.outstandingYi)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('projectTabs.funds.ratio')} value={summary.ratio === null ? '—' : formatPercent(summary.ratio)} />
            {summary.ratio !== null && <Progress percent={Math.min(100, Math.round(summary.ratio * 1000) / 10)} showInfo={false} size="small" />}
          </Card>
        </Col>
      </Row>
      {summary.bySource.length > 0 && (
        <Space wrap size={[8, 8]}>
          <Typography.Text type="secondary">{t('projectTabs.funds.bySource')}</Typography.Text>
          {summary.bySource.map((s) => (
            <Tag key={s.source}>
              {s.label} {yi(s.amountYi)}（{formatPercent(s.share)}）
            </Tag>
          ))}
        </Space>
      )}
      <Table<FundsLedgerRow>
        rowKey="entryId"
        size="small"
        columns={columns}
        dataSource={summary.rows}
        pagination={summary.rows.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('projectTabs.funds.empty') }}
        data-testid="funds-table"
      />
    </Space>
  );
}
