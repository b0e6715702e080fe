import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { chainStatuses, projectOfChain, type ChainTable } from './verify-summary';

type Report = components['schemas']['VerificationReportDto'];
type BrokenLink = components['schemas']['BrokenLinkDto'];

const TABLE_KEYS: Record<ChainTable, MessageKey> = {
  audit_events: 'audit.verify.table.audit_events',
  admin_audit_events: 'audit.verify.table.admin_audit_events',
  security_events: 'audit.verify.table.security_events',
};
const tableKey = (table: string): MessageKey => TABLE_KEYS[table as ChainTable] ?? 'audit.verify.table.audit_events';

/** 链校验: every SM3 chain, the global ledger and the signed checkpoints recomputed by the API (GET /audit/verify). */
export function ChainVerifyTab() {
  const { t } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const verify = useCallback(() => {
    let live = true;
    setLoading(true);
    setError(null);
    unwrap(api.GET('/audit/verify'))
      .then((r) => live && setReport(r))
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  useEffect(verify, [verify]);

  if (!report && loading) return <PageLoading />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{report ? t('audit.verify.checkedAt', { at: new Date(report.checkedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) }) : null}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={verify} loading={loading}>
          {t('audit.verify.again')}
        </Button>
      </Flex>
      <ErrorAlert error={error} onRetry={verify} />
      {report ? (
        <>
          <Alert type={report.intact ? 'success' : 'error'} showIcon title={report.summary} data-testid="verify-summary" />
          <Card size="small" title={t('audit.verify.chains')}>
            <Table
              rowKey="table"
              size="small"
              pagination={false}
              dataSource={chainStatuses(report)}
              columns={[
                { title: t('audit.verify.col.chain'), key: 'table', render: (_, s) => t(tableKey(s.table)) },
                { title: t('audit.verify.col.records'), dataIndex: 'records', width: 120 },
                {
                  title: t('audit.verify.col.status'),
                  key: 'status',
                  width: 160,
                  render: (_, s) => (s.intact ? <Tag color="green">{t('audit.verify.intact')}</Tag> : <Tag color="red">{t('audit.verify.broken', { count: s.broken })}</Tag>),
                },
              ]}
            />
          </Card>
          {report.brokenChains.length > 0 ? (
            <Card size="small" title={t('audit.verify.firstBroken')}>
              <Table<BrokenLink>
                rowKey={(b) => `${b.table}|${b.chain}`}
                size="small"
                pagination={false}
                dataSource={report.brokenChains}
                columns={[
                  { title: t('audit.verify.col.chain'), key: 'table', width: 120, render: (_, b) => t(tableKey(b.table)) },
                  {
                    title: t('audit.verify.col.which'),
                    key: 'chain',
                    render: (_, b) => {
                      const projectId = projectOfChain(b.chain);
                      return projectId ? <Link to={`/projects/${projectId}`}>{t('audit.verify.projectChain')}</Link> : <span className="audit-hash">{b.chain}</span>;
                    },
                  },
                  { title: t('audit.verify.col.position'), key: 'pos', width: 90, render: (_, b) => b.chainPos ?? '—' },
                  { title: t('audit.verify.col.problem'), dataIndex: 'problemLabel' },
                  {
                    title: t('audit.verify.col.differs'),
                    key: 'differs',
                    render: (_, b) =>
                      b.expected || b.actual ? (
                        <div className="audit-hash">
                          <div>{t('audit.verify.expected', { value: b.expected ?? '—' })}</div>
                          <div>{t('audit.verify.actual', { value: b.actual ?? '—' })}</div>
                        </div>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('audit.verify.ledger')}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, lg: 3 }}
              items={[
                { key: 'chains', label: t('audit.verify.chainCount'), children: report.chains },
                { key: 'entries', label: t('audit.verify.ledgerEntries'), children: report.ledgerEntries },
                { key: 'queued', label: t('audit.verify.queued'), children: report.queuedEntries },
                { key: 'ledgerProblems', label: t('audit.verify.ledgerProblems'), children: report.ledgerProblems.length === 0 ? <Tag color="green">{t('audit.verify.none')}</Tag> : <Tag color="red">{report.ledgerProblems.length}</Tag> },
                { key: 'cpDb', label: t('audit.verify.checkpointsDb'), children: report.checkpoints.database },
                { key: 'cpFile', label: t('audit.verify.checkpointsFile'), children: report.checkpoints.file },
                { key: 'cpVerified', label: t('audit.verify.checkpointsVerified'), children: report.checkpoints.verified },
                { key: 'latest', label: t('audit.verify.latestCheckpoint'), children: report.checkpoints.latestPos ?? t('audit.verify.noCheckpoint') },
                { key: 'cpProblems', label: t('audit.verify.checkpointProblems'), children: report.checkpoints.problems.length === 0 ? <Tag color="green">{t('audit.verify.none')}</Tag> : <Tag color="red">{report.checkpoints.problems.length}</Tag> },
              ]}
            />
            {report.publicKeyProblem ? <Alert type="warning" showIcon title={t('audit.verify.noPublicKey')} /> : null}
          </Card>
        </>
      ) : null}
    </Flex>
  );
}
