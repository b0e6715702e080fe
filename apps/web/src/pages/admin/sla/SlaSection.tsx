import { Button, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { loadAllUsers, nameOf } from '../staff-directory';
import { useRemote } from '../../../components/use-remote';
import { escalationsSummary, warningsSummary } from './policy-summary';
import { PolicyDrawer } from './PolicyDrawer';
import { RecalculationPanel } from './RecalculationPanel';

export type SlaPolicy = components['schemas']['SlaPolicyViewDto'];

/** 时限策略: the version in force of each policy; its versions (who, when, why) and a new one in the drawer; 重新计算 below. */
export function SlaSection() {
  const { t, locale } = useI18n();
  const policies = useRemote(() => unwrap(api.GET('/sla/policies')), 'policies');
  const users = useRemote(loadAllUsers, 'users');
  const [open, setOpen] = useState<SlaPolicy | null>(null);
  const who = (id: string) => nameOf(users.data, id, t('admin.systemAccount'));

  return (
    <section aria-label={t('admin.tab.sla')}>
      <ErrorAlert error={policies.error} onRetry={policies.reload} />
      <Table<SlaPolicy>
        rowKey="key"
        size="small"
        loading={policies.loading}
        dataSource={policies.data}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('admin.sla.policy'), dataIndex: 'label', width: 170 },
          { title: t('admin.sla.clock'), dataIndex: 'clockLabel', width: 130 },
          { title: t('admin.sla.version'), dataIndex: 'version', width: 60 },
          { title: t('admin.sla.duration'), dataIndex: 'durationLabel', width: 170 },
          { title: t('admin.sla.warnings'), dataIndex: 'warnings', render: (w: SlaPolicy['warnings']) => warningsSummary(w) || '—' },
          { title: t('admin.sla.escalations'), dataIndex: 'escalations', render: (e: SlaPolicy['escalations']) => escalationsSummary(e) },
          { title: t('admin.sla.changed'), width: 170, render: (_, p) => `${who(p.createdBy)} · ${new Date(p.createdAt).toLocaleDateString(locale)}` },
          { title: t('admin.actions'), width: 110, render: (_, p) => <Button type="link" size="small" onClick={() => setOpen(p)}>{t('admin.sla.versions')}</Button> },
        ]}
      />
      <RecalculationPanel policies={policies.data ?? []} />
      <PolicyDrawer policy={open} who={who} onClose={() => setOpen(null)} onCreated={policies.reload} />
    </section>
  );
}
