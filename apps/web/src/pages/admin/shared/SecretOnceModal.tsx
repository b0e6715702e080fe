import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';

/**
 * A secret the API answers once (a temporary password, a webhook's signing secret): shown here,
 * with a copy button, and never again; closing says so.
 */
export function SecretOnceModal({ title, intro, secret, onClose }: { title: string; intro: string; secret: string | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={secret !== null} title={title} onOk={onClose} onCancel={onClose} okText={t('admin.secret.done')} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }} destroyOnHidden>
      <p>{intro}</p>
      <Typography.Paragraph className="admin-secret" copyable={{ text: secret ?? '' }} data-testid="secret-once">
        {secret}
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('admin.secret.once')} />
    </Modal>
  );
}
