import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button type="text" icon={<GlobalOutlined />} onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} aria-label={t('header.language')}>
      {t('header.language')}
    </Button>
  );
}
