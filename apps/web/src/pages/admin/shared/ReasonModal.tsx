import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import { FormModal } from './FormModal';

interface ReasonModalProps {
  open: boolean;
  title: string;
  /** What the action does, shown above the reason. */
  description?: string;
  required?: boolean;
  okText?: string;
  onSubmit(reason: string | undefined): Promise<void>;
  onClose(): void;
}

/** An action that goes to the admin audit log with the administrator's reason (required or optional). */
export function ReasonModal({ open, title, description, required, okText, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <FormModal open={open} title={title} form={form} okText={okText} onClose={onClose} onSubmit={({ reason }) => onSubmit(reason?.trim() ? reason.trim() : undefined)}>
      {description ? <p>{description}</p> : null}
      <Form.Item
        name="reason"
        label={t('admin.reason')}
        extra={t('admin.reasonAudited')}
        rules={[
          ...(required ? [{ required: true, message: t('admin.reasonRequired') }, { pattern: NOT_BLANK, message: t('admin.reasonRequired') }] : []),
          { max: ADMIN_RULES.reason.max, message: t('admin.tooLong', { max: ADMIN_RULES.reason.max }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={ADMIN_RULES.reason.max} />
      </Form.Item>
    </FormModal>
  );
}
