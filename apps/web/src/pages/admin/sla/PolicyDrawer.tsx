import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ALERT_RECIPIENT_LABELS, DUE_DATE_CLOCKS, PERIODIC_CLOCKS, RESPONSIBLE_CLOCKS, ROLES, type ClockName, type PolicyKey } from '@zs/domain';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../components/form-errors';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import { definitionOf, formValuesOf, versionProblem, type SlaVersionFormValues } from '../sla-version-form';
import { useRemote } from '../../../components/use-remote';
import { escalationsSummary, warningsSummary } from './policy-summary';
import type { SlaPolicy } from './SlaSection';

/** One policy: its versions, newest first (who, when, why), and the form for the next one. */
export function PolicyDrawer({ policy, who, onClose, onCreated }: { policy: SlaPolicy | null; who(id: string): string; onClose(): void; onCreated(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const key = (policy?.key ?? '') as PolicyKey;
  const versions = useRemote(() => (policy ? unwrap(api.GET('/sla/policies/{key}/versions', { params: { path: { key } } })) : Promise.resolve([])), key);
  const [form] = Form.useForm<SlaVersionFormValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const unit = Form.useWatch(['duration', 'unit'], form);

  useEffect(() => {
    if (!policy) return;
    setError(undefined);
    form.setFieldsValue(formValuesOf(policy));
  }, [policy, form]);

  if (!policy) return <Drawer open={false} />;
  const clock = policy.clock as ClockName;
  const units = DUE_DATE_CLOCKS.includes(clock) ? ['due_date'] : PERIODIC_CLOCKS.includes(clock) ? ['hours'] : ['hours', 'working_days'];
  const recipients = [...ROLES, ...(RESPONSIBLE_CLOCKS.includes(clock) ? (['responsible'] as const) : [])].map((r) => ({ value: r, label: ALERT_RECIPIENT_LABELS[r] }));
  const required = { required: true, message: t('admin.required') };

  const submit = async () => {
    let values: SlaVersionFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const problem = versionProblem(values, policy.key as PolicyKey, locale);
    if (problem) {
      form.setFields([problem as Parameters<typeof form.setFields>[0][number]]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const created = await unwrap(api.POST('/sla/policies/{key}/versions', { params: { path: { key } }, body: { ...definitionOf(values), reason: values.reason!.trim() } as never }));
      message.success(t('admin.sla.created', { version: created.version }));
      versions.reload();
      onCreated();
      form.setFieldsValue(formValuesOf(created));
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const level = (kind: 'warnings' | 'escalations') => (
    <Form.List name={kind}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
              {kind === 'warnings' ? (
                <Form.Item name={[field.name, 'fraction']} label={t('admin.sla.fraction')} rules={[required]}>
                  <InputNumber min={0.01} max={0.99} step={0.05} style={{ width: 100 }} />
                </Form.Item>
              ) : (
                <Form.Item name={[field.name, 'afterBreachHours']} label={t('admin.sla.afterBreachHours')} rules={[required]}>
                  <InputNumber min={0} step={1} style={{ width: 110 }} />
                </Form.Item>
              )}
              <Form.Item name={[field.name, 'notify']} label={t('admin.sla.notify')} rules={[required]}>
                <Select options={recipients} style={{ width: 170 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'department']} label={t('admin.sla.department')}>
                <Input style={{ width: 140 }} maxLength={200} />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('admin.sla.removeLevel')} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(kind === 'warnings' ? { fraction: 0.75 } : { afterBreachHours: 24 })}>
              {t(kind === 'warnings' ? 'admin.sla.addWarning' : 'admin.sla.addEscalation')}
            </Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );

  return (
    <Drawer open title={`${policy.label} · ${policy.clockLabel}`} size="large" onClose={onClose} destroyOnHidden>
      <Typography.Title level={5}>{t('admin.sla.versions')}</Typography.Title>
      <ErrorAlert error={versions.error} onRetry={versions.reload} />
      <div data-testid="policy-versions">
        <Table<SlaPolicy>
          rowKey="version"
          size="small"
          loading={versions.loading}
          dataSource={versions.data}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          columns={[
            { title: t('admin.sla.version'), dataIndex: 'version', width: 56 },
            { title: t('admin.sla.duration'), dataIndex: 'durationLabel', width: 150 },
            { title: t('admin.sla.levels'), render: (_, v) => [warningsSummary(v.warnings), escalationsSummary(v.escalations)].filter(Boolean).join('；') },
            { title: t('admin.reason'), dataIndex: 'reason' },
            { title: t('admin.sla.changed'), width: 150, render: (_, v) => `${who(v.createdBy)} ${new Date(v.createdAt).toLocaleString(locale)}` },
          ]}
        />
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('admin.sla.newVersion')}</Typography.Title>
      <p>{t('admin.sla.newVersionHint')}</p>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} name="slaVersion" layout="vertical" onFinish={submit}>
        <Space align="baseline" wrap style={{ display: 'flex' }}>
          <Form.Item name={['duration', 'unit']} label={t('admin.sla.unit')} rules={[required]}>
            <Select style={{ width: 150 }} options={units.map((u) => ({ value: u, label: t(`admin.sla.unit.${u as 'hours'}`) }))} />
          </Form.Item>
          {unit === 'hours' ? (
            <Form.Item name={['duration', 'hours']} label={t('admin.sla.hours')} rules={[required]}>
              <InputNumber min={0.1} style={{ width: 120 }} />
            </Form.Item>
          ) : null}
          {unit === 'working_days' ? (
            <>
              <Form.Item name={['duration', 'days']} label={t('admin.sla.days')} rules={[required]}>
                <InputNumber min={1} max={250} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={['duration', 'endsAt']} label={t('admin.sla.endsAt')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('admin.sla.endsAtRule') }]}>
                <Input placeholder="17:30" style={{ width: 100 }} />
              </Form.Item>
            </>
          ) : null}
        </Space>
        <Typography.Title level={5} style={{ fontSize: 14 }}>{t('admin.sla.warnings')}</Typography.Title>
        {level('warnings')}
        <Typography.Title level={5} style={{ fontSize: 14 }}>{t('admin.sla.escalations')}</Typography.Title>
        {level('escalations')}
        <Form.Item name="reason" label={t('admin.sla.reason')} extra={t('admin.reasonAudited')} rules={[{ required: true, message: t('admin.reasonRequired') }, { pattern: NOT_BLANK, message: t('admin.reasonRequired') }, { max: ADMIN_RULES.reason.max, message: t('admin.tooLong', { max: ADMIN_RULES.reason.max }) }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('admin.sla.createVersion')}</Button>
      </Form>
    </Drawer>
  );
}
