import { SERVICE_STATUS_LABELS } from '@zs/domain';
import { Alert, Button, Descriptions, Empty, Select, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useRef, useState, type Key } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../../api/api-error';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useUser } from '../../../auth/SessionProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatCountdown } from '../../../logic/countdown';
import { readShowsStep, requestActions, type RequestAction } from '../../../logic/service-request-actions';
import { TRAFFIC_LIGHT_COLORS, trafficLight } from '../../../logic/traffic-light';
import type { ProjectTabProps } from '../project-tab';
import { requestActionTitle, RequestStepDrawer } from '../requests/RequestStepDrawer';
import { formatDateTime } from './format';

type ServiceRequest = components['schemas']['ServiceRequestViewDto'];
type ServiceStatus = ServiceRequest['status'];
type Clock = ServiceRequest['clocks'][number];

const STATUS_COLORS: Record<ServiceStatus, string> = { dispatched: 'gold', accepted: 'processing', resolved: 'cyan', closed: 'success' };
const RATING_COLORS: Record<ServiceRequest['ratings'][number]['rating'], string> = { satisfied: 'success', basically_satisfied: 'blue', unsatisfied: 'error' };
const PAGE_SIZE = 10;
/** How long the list waits for the read model to show a step just taken (it follows the workflow within moments). */
const CATCH_UP_TRIES = 20;
const CATCH_UP_PAUSE_MS = 250;

/**
 * 企业服务: the project's service requests (newest first), their department, clocks and ratings; a
 * row opens to its story and offers the steps this user may take on it (接单, 转办, 销单, 评价,
 * 暂停/恢复计时), each a form in a drawer. `?request=<id>` (links of 我的待办) names one request:
 * its row is opened and marked, and the step it waits for from this user opens once.
 */
export default function ServiceRequestsTab({ project, reload }: ProjectTabProps) {
  const { t, locale } = useI18n();
  const user = useUser();
  const [search] = useSearchParams();
  const named = search.get('request');
  const [open, setOpen] = useState<{ request: ServiceRequest; action: RequestAction } | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [namedNotActionable, setNamedNotActionable] = useState(false);
  const openedNamed = useRef<string | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>(named ? [named] : []);
  const [status, setStatus] = useState<ServiceStatus | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: ServiceRequest[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const answer = await unwrap(api.GET('/projects/{id}/service-requests', { params: { path: { id: project.id }, query: { page, pageSize: PAGE_SIZE, status } } }));
      setData({ items: answer.items, total: answer.total });
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [project.id, page, status]);

  useEffect(() => {
    void load();
  }, [load, project.updatedAt]);

  // The request a link names opens its pending step once (read on its own: it may be on another page of the list).
  useEffect(() => {
    if (!named || openedNamed.current === named) return;
    openedNamed.current = named;
    setExpanded((keys) => (keys.includes(named) ? keys : [...keys, named]));
    unwrap(api.GET('/service-requests/{requestId}', { params: { path: { requestId: named } } }))
      .then((request) => {
        if (request.projectId !== project.id) return;
        const pending = requestActions(request, user).find((a) => !a.clock);
        if (pending) setOpen({ request, action: pending });
        else setNamedNotActionable(true);
      })
      .catch(setError);
  }, [named, project.id, user]);

  /** After a step: the row shows the answer at once; the list is read again once the read model shows it too. */
  const afterStep = async (answer: ServiceRequest) => {
    setOpen(null);
    setData((d) => d && { ...d, items: d.items.map((r) => (r.id === answer.id ? answer : r)) });
    for (let i = 0; i < CATCH_UP_TRIES; i++) {
      const read = await unwrap(api.GET('/service-requests/{requestId}', { params: { path: { requestId: answer.id } } })).catch(() => null);
      if (read && readShowsStep(read, answer)) break;
      await new Promise((r) => setTimeout(r, CATCH_UP_PAUSE_MS));
    }
    await load();
    await reload();
  };

  const actionsOf = (r: ServiceRequest) => requestActions(r, user);

  const clockTag = (c: Clock) => {
    const running = c.status === 'running' || c.status === 'overdue';
    const color = running ? TRAFFIC_LIGHT_COLORS[trafficLight(c.remainingMs, c.status === 'overdue')] : c.status === 'met' ? 'success' : c.status === 'met_late' ? 'orange' : 'warning';
    return (
      <Tag key={c.clock} color={color}>
        {c.label}：{running ? formatCountdown(c.remainingMs, locale) : t(`projectTabs.clockStatus.${c.status}` as const)}
      </Tag>
    );
  };

  const columns: TableColumnsType<ServiceRequest> = [
    {
      title: t('projectTabs.requests.title'),
      key: 'title',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{r.title}</Typography.Text>
          <Space size={4} wrap>
            <Tag>{r.categoryLabel}</Tag>
            {r.reopenCount > 0 && <Tag color="red">{t('projectTabs.requests.reopened', { count: r.reopenCount })}</Tag>}
          </Space>
        </Space>
      ),
    },
    { title: t('projectTabs.requests.department'), dataIndex: 'department', width: 130 },
    { title: t('projectTabs.requests.status'), key: 'status', width: 100, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
    { title: t('projectTabs.requests.clocks'), key: 'clocks', width: 230, render: (_, r) => <Space orientation="vertical" size={4}>{r.clocks.map(clockTag)}</Space> },
    {
      title: t('projectTabs.requests.rating'),
      key: 'rating',
      width: 100,
      render: (_, r) => {
        const last = r.ratings[r.ratings.length - 1];
        return last ? <Tag color={RATING_COLORS[last.rating]}>{last.ratingLabel}</Tag> : '—';
      },
    },
    { title: t('projectTabs.requests.raisedAt'), dataIndex: 'raisedAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: t('requests.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap data-testid="request-actions">
          {actionsOf(r).map((action, i) => (
            <Button
              key={`${action.id}:${action.clock ?? ''}`}
              size="small"
              type={i === 0 && !action.clock ? 'primary' : 'default'}
              onClick={() => {
                setConflict(null);
                setOpen({ request: r, action });
              }}
            >
              {requestActionTitle(action, r, t)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space size={8}>
        <label htmlFor="service-request-status">{t('projectTabs.requests.status')}</label>
        <Select
          id="service-request-status"
          allowClear
          placeholder={t('projectTabs.requests.allStatuses')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          style={{ minWidth: 140 }}
          options={(Object.keys(SERVICE_STATUS_LABELS) as ServiceStatus[]).map((s) => ({ value: s, label: SERVICE_STATUS_LABELS[s] }))}
        />
      </Space>
      <ErrorAlert error={error} onRetry={() => void load()} />
      {conflict ? <Alert type="warning" showIcon role="alert" closable onClose={() => setConflict(null)} title={t('detail.conflict')} description={conflict.message} /> : null}
      {namedNotActionable ? <Alert type="info" showIcon closable onClose={() => setNamedNotActionable(false)} title={t('requests.notAvailable')} /> : null}
      <Table<ServiceRequest>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1070 }}
        rowClassName={(r) => (r.id === named ? 'ant-table-row-selected' : '')}
        expandable={{ expandedRowRender: (r) => <RequestStory request={r} />, expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }), hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('projectTabs.requests.empty')} /> }}
        data-testid="service-requests-table"
      />
      {open ? (
        <RequestStepDrawer
          key={`${open.request.id}:${open.action.id}:${open.action.clock ?? ''}`}
          request={open.request}
          action={open.action}
          onClose={() => setOpen(null)}
          onDone={afterStep}
          onConflict={async (err) => {
            setConflict(err);
            setOpen(null);
            await load();
          }}
        />
      ) : null}
    </Space>
  );
}

/** What happened to one request: raised, accepted, transferred, resolved, rated — oldest first. */
function RequestStory({ request: r }: { request: ServiceRequest }) {
  const { t } = useI18n();
  const by = (actor: { displayName?: string } | null | undefined) => actor?.displayName ?? '—';
  const steps = [
    { at: r.raisedAt, text: t('projectTabs.requests.story.raised', { name: by(r.raisedBy), department: r.department }) },
    ...r.transfers.map((x) => ({ at: x.at, text: t('projectTabs.requests.story.transferred', { name: by(x.by), from: x.from, to: x.to, reason: x.reason }) })),
    ...r.resolutions.map((x) => ({ at: x.at, text: t('projectTabs.requests.story.resolved', { name: by(x.by), resolution: x.resolution }) })),
    ...r.ratings.map((x) => ({ at: x.at, text: t('projectTabs.requests.story.rated', { name: by(x.by), rating: x.ratingLabel, comment: x.comment ?? '' }) })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('projectTabs.requests.description')}>{r.description}</Descriptions.Item>
        {r.acceptedBy && <Descriptions.Item label={t('projectTabs.requests.acceptedBy')}>{by(r.acceptedBy)}</Descriptions.Item>}
      </Descriptions>
      <Timeline titleSpan="140px" items={steps.map((s, i) => ({ key: i, title: formatDateTime(s.at), content: s.text }))} />
    </Space>
  );
}
