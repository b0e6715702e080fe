import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../components/form-errors';
import { useI18n } from '../../../i18n/I18nProvider';

interface FormModalProps<T> {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  /** Values the form starts with each time it opens. */
  initialValues?: Partial<T>;
  okText?: string;
  /** Sends the form; a refusal's field problems appear next to their fields, the rest above the form. */
  onSubmit(values: T): Promise<void>;
  onClose(): void;
  children: ReactNode;
  width?: number;
}

/** A dialog holding one form: client-side rules first, then the API's answer, field by field. */
export function FormModal<T extends object>({ open, title, form, initialValues, okText, onSubmit, onClose, children, width }: FormModalProps<T>) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // the rules already show what is wrong next to each field
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={title} onOk={submit} onCancel={onClose} okText={okText ?? t('common.submit')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden width={width}>
      {error ? <div style={{ marginBottom: 12 }}><ErrorAlert error={error} /></div> : null}
      {/* Made afresh at each opening (destroyOnHidden, preserve=false): it starts from initialValues, never from the last attempt. */}
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues} onFinish={submit}>
        {children}
      </Form>
    </Modal>
  );
}
