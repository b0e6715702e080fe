import { INDUSTRY_CHAIN_KIND_LABELS, INDUSTRY_CHAIN_KINDS } from '@zs/domain';
import { Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import { ActiveTag } from '../shared/ActiveTag';
import { FormModal } from '../shared/FormModal';
import { ReasonModal } from '../shared/ReasonModal';
import { useRegistryEditing } from '../shared/use-registry-editing';
import { loadAllUsers, nameOf } from '../staff-directory';
import { useRemote } from '../../../components/use-remote';
import { userOptions } from './user-options';

type Chain = components['schemas']['IndustryChainViewDto'];
type ChainBody = components['schemas']['CreateIndustryChainDto'];

interface ChainFormValues {
  name: string;
  kind: string;
  chiefUserId?: string | null;
  deputyUserIds?: string[];
  sortOrder?: number | null;
  reason?: string;
}

/** 产业链 (八链两组一室): each with its 链长 and 分链长, in the order lists show them. */
export function ChainsSection() {
  const { t } = useI18n();
  const chains = useRemote(() => unwrap(api.GET('/admin/industry-chains', { params: { query: {} } })), 'chains');
  const users = useRemote(loadAllUsers, 'users');
  const { editing, setEditing, toggling, setToggling, save, toggle } = useRegistryEditing<Chain, ChainBody>({
    create: (body) => unwrap(api.POST('/admin/industry-chains', { body })),
    update: (id, body) => unwrap(api.PATCH('/admin/industry-chains/{id}', { params: { path: { id } }, body })),
    setActive: (id, active, reason) => {
      const call = { params: { path: { id } }, body: { reason } };
      return unwrap(active ? api.POST('/admin/industry-chains/{id}/activate', call) : api.POST('/admin/industry-chains/{id}/deactivate', call));
    },
    reload: chains.reload,
  });
  const [form] = Form.useForm<ChainFormValues>();
  const unknown = t('admin.unknownAccount');

  const bodyOf = (values: ChainFormValues): ChainBody => ({
    name: values.name.trim(),
    kind: values.kind as ChainBody['kind'],
    chiefUserId: values.chiefUserId ?? null,
    deputyUserIds: values.deputyUserIds ?? [],
    sortOrder: values.sortOrder ?? undefined,
    reason: values.reason?.trim() || undefined,
  });

  return (
    <section aria-label={t('admin.tab.chains')}>
      <div className="admin-toolbar">
        <Button type="primary" className="admin-toolbar-end" onClick={() => setEditing(null)}>{t('admin.chains.create')}</Button>
      </div>
      <ErrorAlert error={chains.error ?? users.error} onRetry={() => (chains.reload(), users.reload())} />
      <Table<Chain>
        rowKey="id"
        size="middle"
        loading={chains.loading || users.loading}
        dataSource={chains.data}
        pagination={false}
        scroll={{ x: 820 }}
        columns={[
          { title: t('admin.chains.order'), dataIndex: 'sortOrder', width: 70 },
          { title: t('admin.chains.name'), dataIndex: 'name', width: 200 },
          { title: t('admin.chains.kind'), dataIndex: 'kindLabel', width: 90 },
          { title: t('admin.chains.chief'), dataIndex: 'chiefUserId', width: 160, render: (id: string | null) => nameOf(users.data, id, unknown) },
          { title: t('admin.chains.deputies'), dataIndex: 'deputyUserIds', render: (ids: string[]) => ids.map((id) => nameOf(users.data, id, unknown)).join('、') || '—' },
          { title: t('admin.status'), dataIndex: 'active', width: 90, render: (active: boolean) => <ActiveTag active={active} /> },
          {
            title: t('admin.actions'),
            width: 150,
            render: (_, c) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(c)}>{t('admin.edit')}</Button>
                <Button type="link" size="small" danger={c.active} onClick={() => setToggling(c)}>{c.active ? t('admin.deactivate') : t('admin.activate')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<ChainFormValues>
        open={editing !== undefined}
        title={t(editing ? 'admin.chains.edit' : 'admin.chains.create')}
        form={form}
        initialValues={editing ? { name: editing.name, kind: editing.kind, chiefUserId: editing.chiefUserId, deputyUserIds: editing.deputyUserIds, sortOrder: editing.sortOrder } : { kind: 'chain', deputyUserIds: [] }}
        onSubmit={(values) => save(bodyOf(values))}
        onClose={() => setEditing(undefined)}
      >
        <Form.Item name="name" label={t('admin.chains.name')} rules={[{ required: true, message: t('admin.required') }, { pattern: NOT_BLANK, message: t('admin.required') }, { max: ADMIN_RULES.chainName.max, message: t('admin.tooLong', { max: ADMIN_RULES.chainName.max }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.chains.kind')} rules={[{ required: true, message: t('admin.required') }]}>
          <Select options={INDUSTRY_CHAIN_KINDS.map((k) => ({ value: k, label: INDUSTRY_CHAIN_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="chiefUserId" label={t('admin.chains.chief')}>
          <Select allowClear showSearch optionFilterProp="label" options={userOptions(users.data, [editing?.chiefUserId])} />
        </Form.Item>
        <Form.Item name="deputyUserIds" label={t('admin.chains.deputies')} rules={[{ type: 'array', max: ADMIN_RULES.chainDeputies.max, message: t('admin.tooMany', { max: ADMIN_RULES.chainDeputies.max }) }]}>
          <Select mode="multiple" allowClear optionFilterProp="label" options={userOptions(users.data, editing?.deputyUserIds)} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('admin.chains.order')} rules={[{ type: 'integer', min: ADMIN_RULES.chainSortOrder.min, max: ADMIN_RULES.chainSortOrder.max, message: t('admin.chains.orderRule') }]}>
          <InputNumber min={ADMIN_RULES.chainSortOrder.min} max={ADMIN_RULES.chainSortOrder.max} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('admin.reason')} extra={t('admin.reasonAudited')} rules={[{ max: ADMIN_RULES.reason.max, message: t('admin.tooLong', { max: ADMIN_RULES.reason.max }) }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      <ReasonModal open={toggling !== null} title={toggling ? `${toggling.active ? t('admin.deactivate') : t('admin.activate')}：${toggling.name}` : ''} onSubmit={toggle} onClose={() => setToggling(null)} />
    </section>
  );
}
