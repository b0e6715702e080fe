import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { STAGE_LABELS, TERMINAL_STAGES } from '@zs/domain';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import type { ProjectView } from './project-tab';

const STAGE_COLORS: Partial<Record<string, string>> = { completed: 'success', rejected: 'default', lost: 'default', terminated: 'error' };

/** Department names by id (GET /departments, readable by all staff), for the owner's department. */
function useDepartmentNames(): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    unwrap(api.GET('/departments', {}))
      .then((list) => setNames(new Map(list.map((d) => [d.id, d.name]))))
      .catch(() => undefined);
  }, []);
  return names;
}

const yi = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 4 }));

/** The project at a glance: the company (wrapping, however long), its stage, who owns it, the key figures. */
export function ProjectHeader({ project }: { project: ProjectView }) {
  const { t } = useI18n();
  const departments = useDepartmentNames();
  const owner = project.ownership?.owner;
  const ownerName = owner?.displayName ?? project.registeredBy.displayName ?? '—';
  const department = owner?.departmentId ? (departments.get(owner.departmentId) ?? '—') : '—';
  const ended = TERMINAL_STAGES.includes(project.stage);
  return (
    <Card size="small">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="project-company">
            {project.lead.companyName}
          </Typography.Title>
          <Tag color={ended ? STAGE_COLORS[project.stage] : 'processing'} data-testid="project-stage">
            {project.stageLabel || STAGE_LABELS[project.stage]}
          </Tag>
          {project.overdue ? <Tag color="error">{t('detail.overdue')}</Tag> : null}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3, lg: 4 }}
          items={[
            { key: 'owner', label: t('detail.owner'), children: ownerName },
            { key: 'department', label: t('detail.department'), children: department },
            { key: 'chain', label: t('detail.industryChain'), children: project.lead.industryChain },
            { key: 'registered', label: t('detail.registeredAt'), children: dayjs(project.registeredAt).format('YYYY-MM-DD') },
            { key: 'estimated', label: t('detail.estimatedInvestment'), children: yi(project.lead.estimatedInvestmentYi) },
            { key: 'contract', label: t('detail.contractInvestment'), children: yi(project.contract?.contractInvestmentYi) },
            { key: 'funds', label: t('detail.fundsInPlace'), children: yi(project.fundsInPlaceYi) },
            { key: 'signed', label: t('detail.signedOn'), children: project.contract?.signedOn ?? '—' },
            { key: 'commissioner', label: t('detail.commissioner'), children: project.handover?.commissioner?.name ?? '—' },
            { key: 'contact', label: t('detail.contact'), children: [project.lead.contactName, project.lead.contactPhone].filter(Boolean).join(' ') || '—' },
          ]}
        />
      </Space>
    </Card>
  );
}
