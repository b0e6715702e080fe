import { shanghaiDate } from '@zs/domain';
import { Descriptions, Empty, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import type { ProjectTabProps } from '../project-tab';
import { formatDateTime } from './format';
import { MilestoneGantt } from './MilestoneGantt';
import { currentVersion, milestoneRows, planStartOf, type MilestoneRow, type NodeState } from './milestone-plan';

const STATE_COLORS: Record<NodeState, string> = { done_on_time: 'success', done_late: 'warning', overdue: 'error', open: 'processing' };

/** 建设节点计划: the nodes of a chosen plan version as a table or a Gantt chart. */
export default function MilestonesTab({ project }: ProjectTabProps) {
  const { t } = useI18n();
  const construction = project.construction;
  const [chosen, setChosen] = useState<number | null>(null);
  const [view, setView] = useState<'table' | 'gantt'>('table');
  const today = shanghaiDate(Date.now());
  const latest = construction ? currentVersion(construction) : 1;
  // A version that is gone (the project was re-read) falls back to the current one.
  const version = construction?.versions.some((v) => v.version === chosen) ? (chosen as number) : latest;
  const rows = useMemo(() => (construction ? milestoneRows(construction, version, today) : []), [construction, version, today]);

  const columns: TableColumnsType<MilestoneRow> = [
    { title: t('projectTabs.milestones.node'), dataIndex: 'label', width: 130 },
    { title: t('projectTabs.milestones.responsible'), dataIndex: 'responsibleName', width: 100 },
    {
      title: t('projectTabs.milestones.dueOn'),
      key: 'dueOn',
      width: 130,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span data-testid={`due-${r.kind}`}>{r.dueOn}</span>
          {r.previousDueOn && (
            <Typography.Text type="secondary" delete>
              {r.previousDueOn}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('projectTabs.milestones.completedOn'), dataIndex: 'completedOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: t('projectTabs.milestones.state'),
      key: 'state',
      width: 170,
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          <Tag color={STATE_COLORS[r.state]}>{t(`projectTabs.milestones.state.${r.state}` as const, { days: r.daysLate })}</Tag>
          {r.escalatedLevels.map((level) => (
            <Tag key={level} color="red">
              {t('projectTabs.milestones.escalated', { level })}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('projectTabs.milestones.todosAndEvidence'),
      key: 'todos',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {r.todos.length > 0 && <span>{r.todos.join('；')}</span>}
          {r.evidence && <Typography.Text type="secondary">{t('projectTabs.milestones.evidence', { evidence: r.evidence })}</Typography.Text>}
          {r.todos.length === 0 && !r.evidence && '—'}
        </Space>
      ),
    },
  ];

  if (!construction) return <Empty description={t('projectTabs.milestones.none')} />;
  const shown = construction.versions.find((v) => v.version === version);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        <Space size={8}>
          <label htmlFor="plan-version">{t('projectTabs.milestones.version')}</label>
          <Select
            id="plan-version"
            aria-label={t('projectTabs.milestones.version')}
            value={version}
            onChange={setChosen}
            style={{ minWidth: 260 }}
            options={[...construction.versions].reverse().map((v) => ({
              value: v.version,
              label: t(v.version === latest ? 'projectTabs.milestones.versionCurrent' : 'projectTabs.milestones.versionOption', { version: v.version, date: formatDateTime(v.createdAt).slice(0, 10) }),
            }))}
          />
        </Space>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'table' | 'gantt')}
          options={[
            { value: 'table', label: t('projectTabs.milestones.viewTable') },
            { value: 'gantt', label: t('projectTabs.milestones.viewGantt') },
          ]}
        />
      </Space>
      {shown && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="plan-version-details">
          <Descriptions.Item label={t('projectTabs.milestones.reason')}>{shown.reason}</Descriptions.Item>
          <Descriptions.Item label={t('projectTabs.milestones.changedBy')}>{shown.createdBy.displayName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projectTabs.milestones.changedAt')}>{formatDateTime(shown.createdAt)}</Descriptions.Item>
        </Descriptions>
      )}
      {view === 'table' ? (
        <Table<MilestoneRow> rowKey="kind" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 820 }} data-testid="milestone-table" />
      ) : (
        <MilestoneGantt rows={rows} planStart={planStartOf(project, construction)} today={today} />
      )}
    </Space>
  );
}
