import { App, Button, Form, Input, Popconfirm, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES } from '../admin-form-rules';
import { ActiveTag } from '../shared/ActiveTag';
import { FormModal } from '../shared/FormModal';
import { SecretOnceModal } from '../shared/SecretOnceModal';
import { useRemote } from '../../../components/use-remote';
import { asOptions, loadOutboxLabels } from './reference-labels';

type Webhook = components['schemas']['DepartmentWebhookDto'];
interface WebhookFormValues {
  department: string;
  url: string;
  format: 'generic' | 'wecom' | 'dingtalk';
  secret?: string;
  active: boolean;
}

/** 部门群机器人: each department's webhook (企业微信, 钉钉, generic JSON); the signing secret is shown once. */
export function WebhooksSection() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const hooks = useRemote(() => unwrap(api.GET('/admin/department-webhooks')), 'webhooks');
  const labels = useRemote(loadOutboxLabels, 'labels');
  const departments = useRemote(() => unwrap(api.GET('/admin/departments', { params: { query: { active: true as never } } })), 'departments');
  const [editing, setEditing] = useState<Webhook | null | undefined>(undefined);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<WebhookFormValues>();
  const format = Form.useWatch('format', form);

  const save = async (values: WebhookFormValues) => {
    const body = { department: values.department, url: values.url.trim(), format: values.format, active: values.active, ...(values.secret ? { secret: values.secret } : {}) };
    if (editing) {
      await unwrap(api.PUT('/admin/department-webhooks/{id}', { params: { path: { id: editing.id } }, body }));
      message.success(t('admin.saved'));
    } else {
      const created = await unwrap(api.POST('/admin/department-webhooks', { body }));
      setSecret(created.secret);
    }
    setEditing(undefined);
    hooks.reload();
  };

  const remove = async (hook: Webhook) => {
    try {
      await unwrap(api.DELETE('/admin/department-webhooks/{id}', { params: { path: { id: hook.id } } }));
      message.success(t('admin.webhooks.removed'));
      hooks.reload();
    } catch (err) {
      message.error(err instanceof Error && err.message ? err.message : t('common.error'));
    }
  };

  return (
    <section aria-label={t('admin.tab.webhooks')}>
      <div className="admin-toolbar">
        <span>{t('admin.webhooks.intro')}</span>
        <Button type="primary" className="admin-toolbar-end" onClick={() => setEditing(null)}>{t('admin.webhooks.create')}</Button>
      </div>
      <ErrorAlert error={hooks.error} onRetry={hooks.reload} />
      <Table<Webhook>
        rowKey="id"
        size="middle"
        loading={hooks.loading}
        dataSource={hooks.data?.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('admin.webhooks.department'), dataIndex: 'department', width: 150 },
          { title: t('admin.webhooks.format'), dataIndex: 'formatLabel', width: 150 },
          { title: t('admin.webhooks.url'), dataIndex: 'url', render: (url: string) => <span style={{ wordBreak: 'break-all' }}>{url}</span> },
          { title: t('admin.webhooks.secretHint'), dataIndex: 'secretHint', width: 100 },
          { title: t('admin.status'), dataIndex: 'active', width: 80, render: (active: boolean) => <ActiveTag active={active} /> },
          { title: t('admin.webhooks.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (at: string) => new Date(at).toLocaleString(locale) },
          {
            title: t('admin.actions'),
            width: 130,
            render: (_, hook) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(hook)}>{t('admin.edit')}</Button>
                <Popconfirm title={t('admin.webhooks.removeConfirm', { department: hook.department })} okText={t('admin.webhooks.remove')} cancelText={t('common.cancel')} onConfirm={() => remove(hook)}>
                  <Button type="link" size="small" danger>{t('admin.webhooks.remove')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<WebhookFormValues>
        open={editing !== undefined}
        title={t(editing ? 'admin.webhooks.edit' : 'admin.webhooks.create')}
        form={form}
        initialValues={editing ? { department: editing.department, format: editing.format, active: editing.active } : { format: 'wecom', active: true }}
        onSubmit={save}
        onClose={() => setEditing(undefined)}
      >
        <Form.Item name="department" label={t('admin.webhooks.department')} rules={[{ required: true, message: t('admin.required') }, { max: ADMIN_RULES.webhookDepartment.max, message: t('admin.tooLong', { max: ADMIN_RULES.webhookDepartment.max }) }]}>
          <Select showSearch optionFilterProp="label" options={[...new Set([...(departments.data ?? []).map((d) => d.name), ...(editing ? [editing.department] : [])])].map((name) => ({ value: name, label: name }))} />
        </Form.Item>
        <Form.Item name="format" label={t('admin.webhooks.format')} rules={[{ required: true, message: t('admin.required') }]}>
          <Select options={asOptions(labels.data?.webhookFormats)} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('admin.webhooks.url')}
          extra={editing ? t('admin.webhooks.urlAgain', { masked: editing.url }) : undefined}
          rules={[{ required: true, message: t('admin.required') }, { type: 'url', message: t('admin.webhooks.urlRule') }, { max: ADMIN_RULES.webhookUrl.max, message: t('admin.tooLong', { max: ADMIN_RULES.webhookUrl.max }) }]}
        >
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t(editing ? 'admin.webhooks.newSecret' : 'admin.webhooks.secret')}
          extra={t(format === 'dingtalk' ? 'admin.webhooks.secretDingtalk' : editing ? 'admin.webhooks.secretKeep' : 'admin.webhooks.secretGenerated')}
          rules={[
            { required: format === 'dingtalk' && !editing, message: t('admin.webhooks.secretDingtalk') },
            { min: ADMIN_RULES.webhookSecret.min, max: ADMIN_RULES.webhookSecret.max, message: t('admin.webhooks.secretRule', { min: ADMIN_RULES.webhookSecret.min, max: ADMIN_RULES.webhookSecret.max }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="active" label={t('admin.status')} valuePropName="checked">
          <Switch checkedChildren={t('admin.active')} unCheckedChildren={t('admin.inactive')} />
        </Form.Item>
      </FormModal>
      <SecretOnceModal title={t('admin.webhooks.secretTitle')} intro={t('admin.webhooks.secretIntro')} secret={secret} onClose={() => setSecret(null)} />
    </section>
  );
}
