import { DownloadOutlined } from '@ant-design/icons';
import { shanghaiDate } from '@zs/domain';
import { App, Button, Dropdown, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, download, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ProjectFilters } from './ProjectFilters';
import { SavedViews } from './SavedViews';
import { usePickLists } from './pick-lists';
import { PAGE_SIZES, listProjectsParams, parseProjectQuery, projectExportPath, projectQuerySearch, type ProjectQuery } from './project-query';
import './projects.css';

type ProjectView = components['schemas']['ProjectViewDto'];
type ProjectPage = components['schemas']['ProjectPageDto'];

/** 项目库: the read model's list with every filter of GET /projects, kept in the address; saved views; CSV/XLSX export. */
export default function ProjectsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const query = useMemo(() => parseProjectQuery(search), [search]);
  const lists = usePickLists();
  const [data, setData] = useState<ProjectPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(() => {
    let live = true;
    setLoading(true);
    setError(null);
    unwrap(api.GET('/projects', { params: { query: listProjectsParams(query) } }))
      .then((page) => live && setData(page as ProjectPage))
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);
  useEffect(load, [load]);

  /** Each change is a new address: the back button returns to the list before it. */
  const go = (next: ProjectQuery) => setSearchParams(new URLSearchParams(projectQuerySearch(next)));

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      await download(projectExportPath(query, format), `${t('projects.exportFileName')}.${format}`);
    } catch (err) {
      void message.error(errorText(err, t('error.network'), t('common.error')));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<ProjectView> = [
    {
      title: t('projects.col.company'),
      key: 'company',
      render: (_, p) => (
        <Space orientation="vertical" size={0} className="project-name-cell">
          <Link to={`/projects/${p.id}`}>{p.lead.companyName}</Link>
          {p.lead.creditCode ? <Typography.Text type="secondary">{p.lead.creditCode}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('projects.col.stage'),
      key: 'stage',
      width: 150,
      render: (_, p) => (
        <Space size={4} wrap>
          <Tag color="blue">{p.stageLabel}</Tag>
          {p.overdue ? <Tag color="red">{t('projects.overdueTag')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('projects.col.chain'), key: 'chain', width: 140, render: (_, p) => p.lead.industryChain },
    {
      title: t('projects.col.investment'),
      key: 'investment',
      width: 120,
      align: 'right',
      render: (_, p) =>
        p.contract ? (
          <Tooltip title={t('projects.contractInvestment')}>{p.contract.contractInvestmentYi}</Tooltip>
        ) : (
          <Tooltip title={t('projects.estimatedInvestment')}>
            <Typography.Text type="secondary">{p.lead.estimatedInvestmentYi}</Typography.Text>
          </Tooltip>
        ),
    },
    { title: t('projects.col.owner'), key: 'owner', width: 110, render: (_, p) => p.ownership?.owner?.displayName ?? p.registeredBy.displayName ?? '' },
    { title: t('projects.col.registeredAt'), key: 'registeredAt', width: 110, render: (_, p) => shanghaiDate(Date.parse(p.registeredAt)) },
    { title: t('projects.col.signedOn'), key: 'signedOn', width: 110, render: (_, p) => p.contract?.signedOn ?? '—' },
  ];

  return (
    <Flex vertical gap={12} className="projects-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.projects')}
      </Typography.Title>
      <ProjectFilters query={query} lists={lists} onChange={go} />
      <Flex wrap gap={8} justify="space-between" align="center">
        <SavedViews query={query} onOpen={(viewSearch) => setSearchParams(new URLSearchParams(viewSearch))} />
        {/* Opens on click, not hover: a tablet has no hover, and a keyboard user opens it with Enter. */}
        <Dropdown
          trigger={['click']}
          disabled={exporting}
          menu={{
            items: [
              { key: 'csv', label: t('projects.exportCsv'), onClick: () => void exportAs('csv') },
              { key: 'xlsx', label: t('projects.exportXlsx'), onClick: () => void exportAs('xlsx') },
            ],
          }}
        >
          <Button icon={<DownloadOutlined />} loading={exporting} data-testid="projects-export">
            {t('projects.export')}
          </Button>
        </Dropdown>
      </Flex>
      <ErrorAlert error={error} onRetry={load} />
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        locale={{ emptyText: t('projects.empty') }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => go({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
        }}
      />
    </Flex>
  );
}
