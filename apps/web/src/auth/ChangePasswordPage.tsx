import { Alert, Button, Card, Form, Input, Typography, message } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { applyFieldErrors } from '../components/form-errors';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from './SessionProvider';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Also the forced page after an administrator's reset: nothing else opens until it is done. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { session, changePassword } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!session) return <Navigate to="/login" replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void message.success(t('password.changed'));
      navigate('/', { replace: true });
    } catch (err) {
      setError(applyFieldErrors(form, err) ? null : err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={3}>{t('password.title')}</Typography.Title>
        {session.mustChangePassword ? <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} /> : null}
        <Typography.Paragraph type="secondary">{t('password.policy')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true }, { min: 10 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 16 }}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
