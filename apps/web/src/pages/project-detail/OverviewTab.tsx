import { Card, Descriptions, List, Space, Typography } from 'antd';
import { fieldLabel, INFO_GRADE_LABELS, INTAKE_ACTION_LABELS, PROJECT_KIND_LABELS, SOURCE_CHANNEL_LABELS, type InfoGrade, type ProjectKind, type SourceChannel } from '@zs/domain';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import type { ProjectTabProps } from './project-tab';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 概况: the lead as registered, the intake decision and its questions, the negotiation's contacts, the contract, the checks, how it ended. */
export default function OverviewTab({ project }: ProjectTabProps) {
  const { t, locale } = useI18n();
  const label = (path: string) => fieldLabel(path, locale);
  const lead = project.lead;
  const yesNo = (v: boolean | undefined) => (v ? t('step.yes') : t('step.no'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('detail.overview.lead')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'sourceChannel', label: label('sourceChannel'), children: SOURCE_CHANNEL_LABELS[lead.sourceChannel as SourceChannel] ?? '—' },
            { key: 'infoGrade', label: label('infoGrade'), children: INFO_GRADE_LABELS[lead.infoGrade as InfoGrade] ?? '—' },
            { key: 'kind', label: label('kind'), children: lead.kind ? PROJECT_KIND_LABELS[lead.kind as ProjectKind] : '—' },
            { key: 'fortune500', label: label('fortune500'), children: yesNo(lead.fortune500) },
            { key: 'specializedSme', label: label('specializedSme'), children: yesNo(lead.specializedSme) },
            { key: 'creditCode', label: label('creditCode'), children: lead.creditCode || '—' },
            { key: 'notes', label: label('notes'), children: lead.notes || '—', span: 'filled' },
          ]}
        />
      </Card>
      {project.intake.decision || project.intake.infoRequests.length ? (
        <Card size="small" title={t('detail.overview.intake')}>
          {project.intake.decision ? (
            <Typography.Paragraph>
              {INTAKE_ACTION_LABELS[project.intake.decision.action]}（{project.intake.decision.decidedBy.displayName ?? '—'}，{at(project.intake.decision.decidedAt)}）
              {project.intake.decision.reason ? `：${project.intake.decision.reason}` : ''}
            </Typography.Paragraph>
          ) : null}
          <List
            size="small"
            dataSource={project.intake.infoRequests}
            renderItem={(r) => (
              <List.Item>
                {t('detail.overview.infoRequest', { missing: r.missing, at: at(r.requestedAt) })}
                {r.response ? ` → ${r.response}` : ` → ${t('detail.overview.unanswered')}`}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {project.negotiation?.contacts.length ? (
        <Card size="small" title={t('detail.overview.contacts')}>
          <List
            size="small"
            dataSource={project.negotiation.contacts}
            renderItem={(c) => (
              <List.Item>
                {c.date} {c.kindLabel}（{c.participants}，{c.location}）：{c.outcome}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {project.contract ? (
        <Card size="small" title={t('detail.overview.contract')}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'contractNo', label: label('contractNo'), children: project.contract.contractNo ?? '—' },
              { key: 'signedOn', label: label('signedOn'), children: project.contract.signedOn },
              { key: 'cs', label: label('committed.constructionStart'), children: project.contract.committed.constructionStart },
              { key: 'ee', label: label('committed.equipmentEntry'), children: project.contract.committed.equipmentEntry },
              { key: 'pr', label: label('committed.production'), children: project.contract.committed.production },
              { key: 'ft', label: label('committed.firstTax'), children: project.contract.committed.firstTax },
              { key: 'land', label: label('landAreaM2'), children: project.contract.landAreaM2 },
              { key: 'factory', label: label('factoryAreaM2'), children: project.contract.factoryAreaM2 },
            ]}
          />
        </Card>
      ) : null}
      {project.fulfilment?.checks.length ? (
        <Card size="small" title={t('detail.overview.checks')}>
          <List
            size="small"
            dataSource={project.fulfilment.checks}
            renderItem={(c) => (
              <List.Item>
                {at(c.checkedAt)} {label('investmentInPlaceYi')} {c.investmentInPlaceYi}，{label('taxPaidWanYuan')} {c.taxPaidWanYuan}，{label('fulfilled')}：{yesNo(c.fulfilled)}。{c.note}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {project.closure ? (
        <Card size="small" title={t('detail.overview.closure')}>
          <Typography.Paragraph>
            {project.stageLabel}（{project.closure.closedBy.displayName ?? '—'}，{at(project.closure.closedAt)}）：{project.closure.reason}
            {project.closure.approver ? `；${label('approver')}：${project.closure.approver}` : ''}
          </Typography.Paragraph>
        </Card>
      ) : null}
    </Space>
  );
}
