import { Spin } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading" role="status">
      <Spin />
      <span>{t('common.loading')}</span>
    </div>
  );
}
