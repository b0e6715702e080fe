import { App, Button, Select, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { ReasonModal } from '../shared/ReasonModal';
import { useRemote } from '../../../components/use-remote';
import { asOptions, loadOutboxLabels } from './reference-labels';

type Entry = components['schemas']['OutboxEntryDto'];
const PAGE_SIZE = 20;

/** 投递队列: e-mails and webhook posts; dead letters (failed for good) first, each retried with a reason. */
export function OutboxSection() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useState<{ status?: string; channel?: string; page: number }>({ status: 'dead_letter', page: 1 });
  const entries = useRemote(
    () => unwrap(api.GET('/admin/outbox', { params: { query: { page: query.page, pageSize: PAGE_SIZE, status: query.status as never, channel: query.channel as never } } })),
    JSON.stringify(query),
  );
  const labels = useRemote(loadOutboxLabels, 'labels');
  const [retrying, setRetrying] = useState<Entry | null>(null);

  const retry = async (reason: string | undefined) => {
    await unwrap(api.POST('/admin/outbox/{id}/retry', { params: { path: { id: retrying!.id } }, body: { reason } }));
    setRetrying(null);
    message.success(t('admin.outbox.retried'));
    entries.reload();
  };

  return (
    <section aria-label={t('admin.tab.outbox')}>
      <div className="admin-toolbar">
        <Select allowClear placeholder={t('admin.status')} style={{ width: 180 }} value={query.status} onChange={(status) => setQuery({ ...query, status, page: 1 })} options={asOptions(labels.data?.outboxStatuses)} aria-label={t('admin.status')} />
        <Select
          allowClear
          placeholder={t('admin.outbox.channel')}
          style={{ width: 160 }}
          value={query.channel}
          onChange={(channel) => setQuery({ ...query, channel, page: 1 })}
          options={asOptions(labels.data?.notificationChannels.filter((c) => c.code !== 'in_app'))}
          aria-label={t('admin.outbox.channel')}
        />
      </div>
      <ErrorAlert error={entries.error} onRetry={entries.reload} />
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={entries.loading}
        dataSource={entries.data?.items}
        scroll={{ x: 1000 }}
        locale={{ emptyText: query.status === 'dead_letter' ? t('admin.outbox.noDeadLetters') : undefined }}
        pagination={{ current: query.page, pageSize: PAGE_SIZE, total: entries.data?.total, showTotal: (total) => t('common.total', { total }), onChange: (page) => setQuery({ ...query, page }) }}
        columns={[
          { title: t('admin.outbox.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => new Date(at).toLocaleString(locale) },
          { title: t('admin.outbox.channel'), dataIndex: 'channelLabel', width: 120 },
          { title: t('admin.status'), dataIndex: 'statusLabel', width: 140, render: (label: string, e) => <Tag color={e.status === 'dead_letter' ? 'red' : e.status === 'delivered' ? 'green' : 'default'}>{label}</Tag> },
          { title: t('admin.outbox.subject'), dataIndex: 'subject' },
          { title: t('admin.outbox.address'), dataIndex: 'address', width: 200, render: (a: string) => <span style={{ wordBreak: 'break-all' }}>{a}</span> },
          { title: t('admin.outbox.attempts'), dataIndex: 'attempts', width: 80 },
          {
            title: t('admin.outbox.lastError'),
            dataIndex: 'lastError',
            width: 200,
            render: (err: string | null, e) => (err ? <Tooltip title={err}><span>{[e.lastStatusCode, err.slice(0, 60)].filter(Boolean).join(' · ')}</span></Tooltip> : '—'),
          },
          { title: t('admin.actions'), width: 90, render: (_, e) => (e.status === 'dead_letter' ? <Button type="link" size="small" onClick={() => setRetrying(e)}>{t('admin.outbox.retry')}</Button> : null) },
        ]}
      />
      <ReasonModal open={retrying !== null} title={retrying ? t('admin.outbox.retryTitle', { subject: retrying.subject }) : ''} description={t('admin.outbox.retryText')} okText={t('admin.outbox.retry')} onSubmit={retry} onClose={() => setRetrying(null)} />
    </section>
  );
}
