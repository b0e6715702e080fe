import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Segmented, Space, Table, Typography } from 'antd';
import { STAGE_LABELS, STAGES, TERMINAL_STAGES, type Stage } from '@zs/domain';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { Countdown } from '../../components/Countdown';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { taskLink } from '../../logic/task-links';
import { TASK_PAGE_SIZES, tasksQueryFromSearch, tasksQueryToSearch, type TasksQuery } from '../../logic/tasks-query';
import { refreshOpenTaskCount } from './open-task-count';

type Task = components['schemas']['TaskViewDto'];
interface TaskPage {
  items: Task[];
  total: number;
  /** When the page was read: the origin of every countdown on it. */
  readAt: number;
}

const OPEN_STAGES = STAGES.filter((s) => !TERMINAL_STAGES.includes(s));

/**
 * 我的待办: the caller's tasks as GET /tasks orders them (overdue first, then the nearest
 * deadline), each with a live countdown in its traffic-light colour and one click to the form that
 * completes it. Filters and page live in the address.
 */
export default function TasksPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => tasksQueryFromSearch(search), [search]);
  const [data, setData] = useState<TaskPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await unwrap(api.GET('/tasks', { params: { query } }));
      setData({ items: page.items, total: page.total, readAt: Date.now() });
      refreshOpenTaskCount();
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);

  const change = (next: Partial<TasksQuery>) => setSearch(tasksQueryToSearch({ ...query, page: 1, ...next }));
  const open = (task: Task) => navigate(taskLink(task.projectId, task.step));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.tasks')}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select<Stage>
            aria-label={t('tasks.filter.stage')}
            placeholder={t('tasks.filter.stage')}
            allowClear
            style={{ minWidth: 160 }}
            value={query.stage}
            onChange={(stage) => change({ stage: stage ?? undefined })}
            options={OPEN_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          />
          <Segmented
            aria-label={t('tasks.filter.overdue')}
            value={query.overdue ?? 'all'}
            onChange={(value) => change({ overdue: value === 'all' ? undefined : (value as 'true' | 'false') })}
            options={[
              { value: 'all', label: t('tasks.filter.all') },
              { value: 'true', label: t('tasks.filter.overdueOnly') },
              { value: 'false', label: t('tasks.filter.notOverdue') },
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            {t('tasks.refresh')}
          </Button>
        </Space>
      </Card>
      {error ? <ErrorAlert error={error} onRetry={() => void load()} /> : null}
      {/* data-state: read by the console benchmark (npm run bench:console) to know the tasks are drawn. */}
      <div data-testid="tasks-table" data-state={data && !loading ? 'ready' : 'loading'}>
        <Table<Task>
          rowKey={(task) => `${task.projectId}:${task.step}`}
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('tasks.empty') }}
          scroll={{ x: 760 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: TASK_PAGE_SIZES.map(String),
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setSearch(tasksQueryToSearch({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
          }}
          columns={[
            {
              key: 'countdown',
              title: t('tasks.column.timeLeft'),
              width: 170,
              render: (_, task) => <Countdown remainingMs={task.remainingMs} readAt={data?.readAt ?? Date.now()} overdue={task.overdue} noDeadline={t('tasks.noDeadline')} />,
            },
            {
              key: 'company',
              title: t('tasks.column.company'),
              render: (_, task) => <Link to={taskLink(task.projectId, task.step)}>{task.companyName}</Link>,
            },
            { key: 'stage', title: t('tasks.column.stage'), width: 120, render: (_, task) => task.stageLabel },
            { key: 'step', title: t('tasks.column.step'), render: (_, task) => task.stepLabel },
            {
              key: 'deadline',
              title: t('tasks.column.deadline'),
              width: 150,
              render: (_, task) => (task.deadlineAt ? dayjs(task.deadlineAt).format('YYYY-MM-DD HH:mm') : '—'),
            },
            {
              key: 'action',
              title: t('tasks.column.action'),
              width: 90,
              render: (_, task) => (
                <Button type="primary" size="small" onClick={() => open(task)} aria-label={`${t('tasks.handle')}：${task.companyName}`}>
                  {t('tasks.handle')}
                </Button>
              ),
            },
          ]}
        />
      </div>
    </Space>
  );
}
