import { Button, DatePicker, Flex, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { SYSTEM_ACTOR, SYSTEM_ACTOR_LABEL } from '@zs/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import { usePickLists } from '../projects/pick-lists';
import { actionOptions, auditEventsParams, wholeDays, type AuditSearchForm } from './audit-search';

type AuditEvent = components['schemas']['AuditEventItemDto'];
type AuditEventPage = components['schemas']['AuditEventPage'];

interface FormValues {
  actorUserId?: string;
  action?: string;
  period?: [Dayjs, Dayjs] | null;
  departmentId?: string;
}

const ACTIONS = actionOptions();

/** 跨项目历史检索: every project's audit events by actor, action, period and department, newest first. */
export function AuditSearchTab() {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const lists = usePickLists();
  const [criteria, setCriteria] = useState<AuditSearchForm>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<AuditEventPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  /** People met in results, so an auditor can search by whoever acted even without the accounts list. */
  const [seenActors, setSeenActors] = useState<Map<string, string>>(new Map());

  const load = useCallback(() => {
    let live = true;
    setLoading(true);
    setError(null);
    unwrap(api.GET('/audit/events', { params: { query: auditEventsParams(criteria, page.page, page.pageSize) } }))
      .then((result) => {
        if (!live) return;
        setData(result as AuditEventPage);
        setSeenActors((known) => {
          const next = new Map(known);
          for (const e of (result as AuditEventPage).items) if (e.actorName) next.set(e.actorId, `${e.actorName}（${e.actorRoleLabel}）`);
          return next;
        });
      })
      .catch((err: unknown) => {
        if (!live) return;
        setError(err);
        applyFieldErrors(form, err as ApiError);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [criteria, page, form]);
  useEffect(load, [load]);

  const actors = useMemo(() => {
    const all = new Map<string, string>([[SYSTEM_ACTOR.userId, SYSTEM_ACTOR_LABEL]]);
    for (const p of lists.people) all.set(p.value, p.label);
    for (const [id, label] of seenActors) if (!all.has(id)) all.set(id, label);
    return [...all].map(([value, label]) => ({ value, label }));
  }, [lists.people, seenActors]);

  const search = (values: FormValues) => {
    setCriteria({
      actorUserId: values.actorUserId,
      action: values.action,
      departmentId: values.departmentId,
      period: values.period ? wholeDays(values.period[0].valueOf(), values.period[1].valueOf()) : undefined,
    });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const reset = () => {
    form.resetFields();
    search({});
  };
  const byActor = (actorId: string) => {
    form.setFieldValue('actorUserId', actorId);
    search(form.getFieldsValue());
  };

  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('audit.col.time'),
      key: 'time',
      width: 170,
      render: (_, e) => new Date(e.occurredAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
    },
    {
      title: t('audit.col.project'),
      key: 'project',
      render: (_, e) => (
        <Space orientation="vertical" size={0} className="audit-wrap">
          <Link to={`/projects/${e.projectId}`}>{e.companyName ?? t('audit.unnamedProject')}</Link>
          {e.subject.kind === 'service_request' ? (
            <Typography.Text type="secondary">
              {e.subject.kindLabel}
              {e.subject.title ? `：${e.subject.title}` : ''}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('audit.col.action'), key: 'action', render: (_, e) => <span className="audit-wrap">{e.actionLabel}</span> },
    {
      title: t('audit.col.actor'),
      key: 'actor',
      width: 180,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <a onClick={() => byActor(e.actorId)} title={t('audit.filterByActor')}>
            {e.actorName ?? t('audit.unknownActor')}
          </a>
          <Typography.Text type="secondary">{e.actorRoleLabel}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.col.stage'),
      key: 'stage',
      width: 200,
      render: (_, e) => (
        <Space size={4} wrap>
          {e.stageBeforeLabel && e.stageBeforeLabel !== e.stageAfterLabel ? (
            <>
              <Tag>{e.stageBeforeLabel}</Tag>→
            </>
          ) : null}
          <Tag color="blue">{e.stageAfterLabel}</Tag>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Form form={form} layout="inline" className="audit-filters" onFinish={search} aria-label={t('audit.tab.search')}>
        <Form.Item name="actorUserId" label={t('audit.filter.actor')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={actors} style={{ width: 200 }} placeholder={t('audit.filter.any')} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filter.action')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={ACTIONS} style={{ width: 240 }} placeholder={t('audit.filter.any')} />
        </Form.Item>
        <Form.Item name="period" label={t('audit.filter.period')}>
          <DatePicker.RangePicker allowEmpty={[false, false]} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('audit.filter.department')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={lists.departments} style={{ width: 180 }} placeholder={t('audit.filter.any')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button onClick={reset}>{t('common.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} onRetry={load} />
      <Table<AuditEvent>
        rowKey={(e) => `${e.projectId}:${e.chainPos}`}
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        size="middle"
        aria-label={t('audit.results')}
        locale={{ emptyText: t('audit.noEvents') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (next, size) => setPage({ page: size === page.pageSize ? next : 1, pageSize: size }),
        }}
      />
    </Flex>
  );
}
