import { App, Button, Drawer, Form, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../components/form-errors';
import { useI18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/messages';
import type { RequestAction } from '../../../logic/service-request-actions';
import { keepKeyAfterFailure, newStepKey } from '../../../logic/step-key';
import { refreshOpenTaskCount } from '../../tasks/open-task-count';
import { allShownAtFields } from '../steps/StepDrawer';
import { REQUEST_FORMS } from './request-forms';
import { sendRequestStep, type ServiceRequestView } from './send-request-step';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** An action's name as staff read it: 接单, 销单, 暂停计时：部门接单… */
export function requestActionTitle(action: RequestAction, request: ServiceRequestView, t: Translate): string {
  const base = t(`requests.action.${action.id}` as MessageKey);
  return action.clock ? `${base}：${request.clocks.find((c) => c.clock === action.clock)?.label ?? ''}` : base;
}

interface RequestStepDrawerProps {
  request: ServiceRequestView;
  action: RequestAction;
  onClose(): void;
  /** The step was taken: the request as it left it. */
  onDone(answer: ServiceRequestView): Promise<void>;
  /** 409: the request moved meanwhile (someone else took the step); the tab says so and reads it again. */
  onConflict(error: ApiError): Promise<void>;
}

/**
 * One step of a service request as a form in a drawer, as steps/StepDrawer.tsx does for a
 * project's steps: one Idempotency-Key while the drawer is open (a new one after a definite
 * refusal), client rules first, the API's field problems next to their fields.
 */
export function RequestStepDrawer({ request, action, onClose, onDone, onConflict }: RequestStepDrawerProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const key = useRef(newStepKey());
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const def = REQUEST_FORMS[action.id];
  const title = requestActionTitle(action, request, t);

  const send = async (values: Record<string, unknown>) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const answer = await sendRequestStep(request.id, action, def.toBody(values), key.current);
      void message.success(t('step.done', { step: title }));
      refreshOpenTaskCount();
      await onDone(answer);
    } catch (err) {
      if (err instanceof ApiError && !keepKeyAfterFailure(err.status)) key.current = newStepKey();
      if (err instanceof ApiError && err.status === 409) {
        await onConflict(err);
        return;
      }
      applyFieldErrors(form, err);
      if (!allShownAtFields(form, err)) setError(err);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      title={title}
      size={560}
      destroyOnHidden
      onClose={onClose}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="request-step-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph strong style={{ overflowWrap: 'anywhere' }}>
        {t('requests.drawer.subject', { title: request.title, department: request.department })}
      </Typography.Paragraph>
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)} scrollToFirstError disabled={busy} aria-label={title}>
        <def.Fields request={request} action={action} form={form} />
      </Form>
    </Drawer>
  );
}
