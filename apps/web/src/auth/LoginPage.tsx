import { EnvironmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import { LOGIN_ZONE_STORAGE_KEY, initialLoginZone, loginZoneField, showsZoneChoice } from '../logic/zones';
import { useSession } from './SessionProvider';
import { loadZones, useZones } from './use-zones';

function rememberedZone(): string | null {
  try {
    return localStorage.getItem(LOGIN_ZONE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function LoginPage() {
  const { t } = useI18n();
  const { session, login, expiredNotice } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Issue 12: a deployment serving several zones asks which one to sign in to; with one, nothing shows.
  const { zones } = useZones();
  const choosesZone = showsZoneChoice(zones);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) return <Navigate to={session.mustChangePassword ? '/password' : from} replace />;

  const submit = async (values: { username: string; password: string; zone?: string }) => {
    setBusy(true);
    setError(null);
    try {
      // Submitted before GET /zones answered: the zone the choice would have started with.
      const served = zones ?? (await loadZones().catch(() => undefined));
      const field = loginZoneField(served, values.zone ?? initialLoginZone(served, rememberedZone()));
      if (field.zone) {
        try {
          localStorage.setItem(LOGIN_ZONE_STORAGE_KEY, field.zone);
        } catch {
          // A browser refusing storage only forgets the choice.
        }
      }
      const next = await login(values.username.trim(), values.password, { ...field, homeZone: field.zone ?? served?.[0]?.code ?? null });
      navigate(next.mustChangePassword ? '/password' : from, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card">
        <div className="login-lang">
          <LanguageSwitch />
        </div>
        <Typography.Title level={3}>{t('app.title')}</Typography.Title>
        <Typography.Title level={5} type="secondary">
          {t('login.title')}
        </Typography.Title>
        {expiredNotice && !error ? <Alert type="warning" showIcon title={t('error.sessionExpired')} style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          {choosesZone ? (
            <Form.Item name="zone" label={t('login.zone')} initialValue={initialLoginZone(zones, rememberedZone()) ?? undefined} rules={[{ required: true, message: t('login.required.zone') }]}>
              <Select data-testid="login-zone" prefix={<EnvironmentOutlined />} options={zones!.map((z) => ({ value: z.code, label: z.name }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.required.username') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required.password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error ? (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={error} />
            </div>
          ) : null}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
