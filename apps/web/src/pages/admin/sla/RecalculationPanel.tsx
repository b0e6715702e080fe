import { Button, Card, Descriptions, Form, Input, Progress, Radio, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../components/form-errors';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import type { SlaPolicy } from './SlaSection';

type Status = components['schemas']['RecalculationStatusDto'];
interface RecalculationFormValues {
  scope: 'policy' | 'calendar';
  policyKey?: string;
  reason: string;
}

/** How often a running recalculation's progress is read again. */
const POLL_MS = 1500;

/**
 * 重新计算: running clocks adopt the latest policy versions (or today's calendar), keeping the time
 * already elapsed and paused; the request's progress is followed until every workflow was reached.
 */
export function RecalculationPanel({ policies }: { policies: SlaPolicy[] }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<RecalculationFormValues>();
  const scope = Form.useWatch('scope', form);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!status || status.status !== 'running') return;
    const timer = setTimeout(() => {
      unwrap(api.GET('/sla/recalculations/{requestId}', { params: { path: { requestId: status.requestId } } })).then(setStatus, setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const submit = async (values: RecalculationFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { scope: values.scope, reason: values.reason.trim(), ...(values.scope === 'policy' && values.policyKey ? { policyKey: values.policyKey as never } : {}) };
      setStatus(await unwrap(api.POST('/sla/recalculations', { body })));
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const reached = status ? status.signalled + status.ended : 0;
  const percent = status ? (status.openWorkflowsAtRequest === 0 ? 100 : Math.round((reached / status.openWorkflowsAtRequest) * 100)) : 0;
  const statusColor = { running: 'processing', completed: 'success', failed: 'error' } as const;

  return (
    <Card title={t('admin.recalc.title')} size="small" style={{ marginTop: 16 }}>
      <p>{t('admin.recalc.intro')}</p>
      <Form form={form} name="recalculation" layout="vertical" initialValues={{ scope: 'calendar' }} onFinish={submit}>
        <Form.Item name="scope" label={t('admin.recalc.scope')} rules={[{ required: true, message: t('admin.required') }]}>
          <Radio.Group>
            <Radio value="calendar">{t('admin.recalc.scope.calendar')}</Radio>
            <Radio value="policy">{t('admin.recalc.scope.policy')}</Radio>
          </Radio.Group>
        </Form.Item>
        {scope === 'policy' ? (
          <Form.Item name="policyKey" label={t('admin.recalc.policy')} extra={t('admin.recalc.policyHint')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ maxWidth: 360 }} options={policies.map((p) => ({ value: p.key, label: p.label }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={t('admin.reason')} extra={t('admin.reasonAudited')} rules={[{ required: true, message: t('admin.reasonRequired') }, { pattern: NOT_BLANK, message: t('admin.reasonRequired') }, { max: ADMIN_RULES.reason.max, message: t('admin.tooLong', { max: ADMIN_RULES.reason.max }) }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('admin.recalc.submit')}</Button>
      </Form>
      {error ? <div style={{ marginTop: 12 }}><ErrorAlert error={error} /></div> : null}
      {status ? (
        <div style={{ marginTop: 16 }} data-testid="recalculation-status">
          <Progress percent={percent} status={status.status === 'failed' ? 'exception' : status.status === 'completed' ? 'success' : 'active'} />
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('admin.recalc.status')}><Tag color={statusColor[status.status]}>{t(`admin.recalc.status.${status.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('admin.recalc.requestedAt')}>{new Date(status.requestedAt).toLocaleString(locale)}</Descriptions.Item>
            <Descriptions.Item label={t('admin.recalc.open')}>{status.openWorkflowsAtRequest}</Descriptions.Item>
            <Descriptions.Item label={t('admin.recalc.signalled')}>{status.signalled}</Descriptions.Item>
            <Descriptions.Item label={t('admin.recalc.ended')}>{status.ended}</Descriptions.Item>
          </Descriptions>
        </div>
      ) : null}
    </Card>
  );
}
