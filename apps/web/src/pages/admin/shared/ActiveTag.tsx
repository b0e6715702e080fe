import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>;
}
