import { Alert } from 'antd';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/I18nProvider';

/** An error as staff should read it: the API's message in their language, never a stack or a code alone. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = errorText(error, t('error.network'), t('common.error'));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={error instanceof ApiError && error.correlationId ? `ID: ${error.correlationId}` : undefined}
      action={onRetry ? <a onClick={onRetry}>{t('common.retry')}</a> : undefined}
    />
  );
}

export function errorText(error: unknown, networkText: string, fallback: string): string {
  if (error instanceof ApiError) return error.status === 0 ? networkText : error.message || fallback;
  return fallback;
}
