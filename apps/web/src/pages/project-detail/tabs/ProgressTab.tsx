import { Empty, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import type { ProjectTabProps } from '../project-tab';
import { formatDateTime } from './format';
import type { ConstructionView } from './milestone-plan';

type ProgressEntry = ConstructionView['progress'][number];

/** 每日进度: the construction's daily log, latest day first (the API keeps the order recorded). */
export default function ProgressTab({ project }: ProjectTabProps) {
  const { t } = useI18n();
  const entries = useMemo(
    () =>
      (project.construction?.progress ?? [])
        .map((entry, recorded) => ({ entry, recorded }))
        .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || b.recorded - a.recorded)
        .map(({ entry, recorded }) => ({ ...entry, key: recorded })),
    [project.construction],
  );

  const columns: TableColumnsType<ProgressEntry & { key: number }> = [
    { title: t('projectTabs.progress.date'), dataIndex: 'date', width: 120 },
    { title: t('projectTabs.progress.note'), dataIndex: 'note' },
    { title: t('projectTabs.progress.recordedBy'), key: 'by', width: 120, render: (_, e) => e.recordedBy.displayName ?? '—' },
    { title: t('projectTabs.progress.recordedAt'), dataIndex: 'recordedAt', width: 160, render: (at: string) => formatDateTime(at) },
  ];

  if (!project.construction) return <Empty description={t('projectTabs.milestones.none')} />;
  return (
    <Table
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={entries.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      locale={{ emptyText: t('projectTabs.progress.empty') }}
      data-testid="progress-table"
    />
  );
}
