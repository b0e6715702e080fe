import { InboxOutlined } from '@ant-design/icons';
import { STAGE_LABELS, type Stage } from '@zs/domain';
import { Alert, App, Button, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, type FieldProblem } from '../../../api/api-error';
import { api, download, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { useRemote } from '../../../components/use-remote';

type ImportRow = components['schemas']['ImportRowResultDto'];

/**
 * 存量项目导入: the template, a CSV/XLSX upload, then the import's result row by row (each
 * project's company, stage and whether its workflow runs) at /admin/imports?id=…, so the page
 * can be reloaded or linked. A refused file lists each row's problems; nothing was imported.
 */
export function ImportsSection() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const result = useRemote(() => (id ? unwrap(api.GET('/imports/{id}', { params: { path: { id } } })) : Promise.resolve(null)), id ?? '');
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [otherError, setOtherError] = useState<unknown>();
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setUploading(true);
    setRefused(null);
    setOtherError(undefined);
    try {
      const answer = await unwrap(
        api.POST('/imports/projects/file', {
          body: { file: file as unknown as string },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append('file', body.file as unknown as Blob, file.name);
            return form;
          },
        }),
      );
      message.success(t(answer.duplicate ? 'admin.imports.duplicate' : 'admin.imports.done', { count: answer.rowCount }));
      setParams({ id: answer.id });
    } catch (err) {
      if (err instanceof ApiError && err.details.length > 0) setRefused(err);
      else setOtherError(err);
    } finally {
      setUploading(false);
    }
  };

  const template = (format: 'csv' | 'xlsx') => download(`/imports/projects/template?format=${format}`, `${t('admin.imports.templateName')}.${format}`).catch(setOtherError);

  return (
    <section aria-label={t('admin.tab.imports')}>
      <Typography.Paragraph>{t('admin.imports.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => template('xlsx')}>{t('admin.imports.templateXlsx')}</Button>
        <Button onClick={() => template('csv')}>{t('admin.imports.templateCsv')}</Button>
      </Space>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t(uploading ? 'admin.imports.uploading' : 'admin.imports.drop')}</p>
        <p className="ant-upload-hint">{t('admin.imports.dropHint')}</p>
      </Upload.Dragger>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={otherError} />
        {refused ? <RefusedFile error={refused} /> : null}
        <ErrorAlert error={result.error} onRetry={result.reload} />
        {result.data ? (
          <div data-testid="import-result">
            {result.data.duplicate ? <Alert type="info" showIcon title={t('admin.imports.duplicateText')} style={{ marginBottom: 12 }} /> : null}
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('admin.imports.file')}>{result.data.fileName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('admin.imports.by')}>{result.data.importedBy.displayName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('admin.imports.at')}>{new Date(result.data.importedAt).toLocaleString(locale)}</Descriptions.Item>
              <Descriptions.Item label={t('admin.imports.rows')}>{result.data.rowCount}</Descriptions.Item>
              <Descriptions.Item label={t('admin.imports.started')}>{result.data.startedCount}</Descriptions.Item>
              <Descriptions.Item label={t('admin.status')}>
                <Tag color={result.data.status === 'started' ? 'green' : 'orange'}>{t(result.data.status === 'started' ? 'admin.imports.status.started' : 'admin.imports.status.starting')}</Tag>
              </Descriptions.Item>
            </Descriptions>
            <Table<ImportRow>
              rowKey="row"
              size="small"
              dataSource={result.data.rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t('admin.imports.row'), dataIndex: 'row', width: 80 },
                { title: t('admin.imports.company'), dataIndex: 'companyName', render: (name: string, r) => <Link to={`/projects/${r.projectId}`}>{name}</Link> },
                { title: t('admin.imports.stage'), dataIndex: 'stage', width: 140, render: (stage: Stage) => STAGE_LABELS[stage] ?? '—' },
                { title: t('admin.imports.workflow'), dataIndex: 'started', width: 120, render: (started: boolean) => (started ? <Tag color="green">{t('admin.imports.rowStarted')}</Tag> : <Tag color="orange">{t('admin.imports.rowPending')}</Tag>) },
              ]}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** A refused file: the API's message, then each problem with the row and column it names. */
function RefusedFile({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-refused">
      <ErrorAlert error={error} />
      <Table<FieldProblem & { key: number }>
        size="small"
        style={{ marginTop: 8 }}
        dataSource={error.details.map((d, key) => ({ ...d, key }))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('admin.imports.where'), width: 260, render: (_, d) => d.label ?? d.field }, // the API names the place: 第2行·签约日期
          { title: t('admin.imports.problem'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
