import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client';
import { errorText } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ProjectPicker } from './ProjectPicker';

/** 导出项目历史: one project's whole history with each record's proof and the latest signed checkpoint (GET /audit/projects/:id/export). */
export function HistoryExportTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [projectId, setProjectId] = useState<string | undefined>();
  const [busy, setBusy] = useState<'json' | 'csv' | null>(null);

  const exportAs = async (format: 'json' | 'csv') => {
    if (!projectId) return;
    setBusy(format);
    try {
      await download(`/audit/projects/${projectId}/export?format=${format}`, `project-history-${projectId}.${format}`);
    } catch (err) {
      void message.error(errorText(err, t('error.network'), t('common.error')));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Form layout="vertical">
        <Form.Item label={t('audit.project')} htmlFor="audit-export-project">
          <ProjectPicker id="audit-export-project" value={projectId} onChange={setProjectId} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} disabled={!projectId} loading={busy === 'json'} onClick={() => void exportAs('json')}>
            {t('audit.export.json')}
          </Button>
          <Button icon={<DownloadOutlined />} disabled={!projectId} loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
            {t('audit.export.csv')}
          </Button>
        </Space>
      </Form>
      <Card size="small" title={t('audit.export.howTitle')}>
        <Typography.Paragraph>{t('audit.export.how1')}</Typography.Paragraph>
        <Typography.Paragraph>{t('audit.export.how2')}</Typography.Paragraph>
        <Typography.Paragraph>{t('audit.export.how3')}</Typography.Paragraph>
      </Card>
    </Flex>
  );
}
