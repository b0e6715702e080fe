import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Pagination, Space, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ProjectPicker } from './ProjectPicker';

type Report = components['schemas']['ReconciliationReportDto'];
type Discrepancy = components['schemas']['DiscrepancyDto'];

const PAGE_SIZE = 20;

/** 对账: the audit log and read models against each workflow's own history (GET /audit/reconciliation), a page of projects or one project. */
export function ReconciliationTab() {
  const { t, locale } = useI18n();
  const [projectId, setProjectId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const query = projectId ? { projectId } : { page, pageSize: PAGE_SIZE };
    unwrap(api.GET('/audit/reconciliation', { params: { query } }))
      .then((r) => live && setReport(r))
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [projectId, page]);
  useEffect(load, [load]);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <span>{t('audit.reconcile.scope')}</span>
          <ProjectPicker value={projectId} onChange={(id) => { setProjectId(id); setPage(1); }} />
        </Space>
        <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
          {t('audit.reconcile.again')}
        </Button>
      </Flex>
      <ErrorAlert error={error} onRetry={load} />
      {report ? (
        <>
          <Alert
            type={report.discrepancies.length === 0 ? 'success' : 'error'}
            showIcon
            title={report.discrepancies.length === 0 ? t('audit.reconcile.agree') : t('audit.reconcile.differ', { count: report.discrepancies.length })}
          />
          <Card size="small">
            <Flex wrap gap={32}>
              <Statistic title={t('audit.reconcile.workflows')} value={report.checkedWorkflows} />
              <Statistic title={t('audit.reconcile.events')} value={report.checkedEvents} />
              <Statistic title={t('audit.reconcile.unverifiable')} value={report.unverifiableEvents} />
              <Statistic title={t('audit.reconcile.pending')} value={report.pendingEvents} />
              <Statistic title={t('audit.reconcile.discrepancies')} value={report.discrepancies.length} />
            </Flex>
          </Card>
          {report.discrepancies.length > 0 ? (
            <Table<Discrepancy>
              rowKey={(d, i) => `${d.workflowId}|${d.seq}|${d.kind}|${i}`}
              size="small"
              pagination={false}
              dataSource={report.discrepancies}
              columns={[
                { title: t('audit.reconcile.col.kind'), key: 'kind', width: 200, render: (_, d) => <Tag color="red">{d.kindLabel}</Tag> },
                { title: t('audit.reconcile.col.project'), key: 'project', width: 120, render: (_, d) => <Link to={`/projects/${d.projectId}`}>{t('audit.reconcile.openProject')}</Link> },
                { title: t('audit.reconcile.col.seq'), key: 'seq', width: 80, render: (_, d) => d.seq ?? '—' },
                { title: t('audit.reconcile.col.message'), key: 'message', render: (_, d) => <span className="audit-wrap">{locale === 'en' ? d.message : d.messageZh}</span> },
              ]}
            />
          ) : null}
          {projectId ? null : (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={report.total}
              showSizeChanger={false}
              showTotal={(total) => t('audit.reconcile.projects', { total })}
              onChange={setPage}
            />
          )}
        </>
      ) : null}
    </Flex>
  );
}
