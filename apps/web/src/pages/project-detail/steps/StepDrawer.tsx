import { App, Button, Drawer, Form, Space } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ApiError, fieldPath } from '../../../api/api-error';
import { useUser } from '../../../auth/SessionProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../components/form-errors';
import { useI18n } from '../../../i18n/I18nProvider';
import type { AvailableStep } from '../../../logic/project-steps';
import { keepKeyAfterFailure, newStepKey } from '../../../logic/step-key';
import { refreshOpenTaskCount } from '../../tasks/open-task-count';
import type { ProjectView } from '../project-tab';
import { sendStep } from './send-step';
import type { StepFormContext } from './step-form';
import { STEP_FORMS } from './step-forms';
import { stepTitle } from './step-title';

interface StepDrawerProps {
  project: ProjectView;
  step: AvailableStep;
  onClose(): void;
  /** The step was taken: read the project again. */
  onDone(): Promise<void>;
  /** 409: the project moved meanwhile (someone else took a step); the page says so and reads it again. */
  onConflict(error: ApiError): Promise<void>;
}

/** Every field problem of the API has a field shown in this form (else the message goes above the form too). */
export function allShownAtFields(form: StepFormContext['form'], error: unknown): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const shown = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  return error.details.every((d) => d.field && shown.has(JSON.stringify(fieldPath(d.field))));
}

/**
 * One step as a form in a drawer. The step goes out under one Idempotency-Key for as long as the
 * drawer is open (a double click or a retry after a lost answer cannot take it twice; a definite
 * refusal gets a new key for the corrected form: logic/step-key.ts). Client rules first; what the
 * API still refuses is shown next to its field.
 */
export function StepDrawer({ project, step, onClose, onDone, onConflict }: StepDrawerProps) {
  const { t } = useI18n();
  const user = useUser();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm();
  const key = useRef(newStepKey());
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const def = STEP_FORMS[step.id];
  const ctx: StepFormContext = { project, step, user, form };
  const title = stepTitle(step, project, t);
  // The first values are the project's as the drawer opened; a later re-read does not reset what was typed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialValues = useMemo(() => def.initialValues?.(ctx), [step.param]);

  const send = async (values: Record<string, unknown>) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      await sendStep(project.id, step, def.toBody(values, ctx), key.current);
      void message.success(t('step.done', { step: title }));
      refreshOpenTaskCount();
      await onDone();
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

  const submit = (values: Record<string, unknown>) => {
    if (def.confirm?.(values)) {
      modal.confirm({ title: t('step.confirm', { step: title }), okText: t('common.submit'), cancelText: t('common.cancel'), onOk: () => send(values) });
      return;
    }
    void send(values);
  };

  return (
    <Drawer
      open
      title={title}
      size={640}
      destroyOnHidden
      onClose={onClose}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="step-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} scrollToFirstError disabled={busy} aria-label={title}>
        <def.Fields {...ctx} />
      </Form>
    </Drawer>
  );
}
