import { Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { beijingIso } from './audit-search';
import { ProjectPicker } from './ProjectPicker';

type StateAsOf = components['schemas']['ProjectStateAsOfDto'];

interface FormValues {
  projectId?: string;
  asOf?: Dayjs;
}

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 某日状态: a project as it stood at a chosen instant (GET /audit/projects/:id/state?asOf=). */
export function StateAsOfTab() {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [result, setResult] = useState<StateAsOf | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const ask = async ({ projectId, asOf }: FormValues) => {
    if (!projectId || !asOf) return;
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await unwrap(api.GET('/audit/projects/{id}/state', { params: { path: { id: projectId }, query: { asOf: beijingIso(asOf.valueOf()) } } })));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  const s = result?.state;
  const yi = (n: number | null | undefined) => (n === null || n === undefined ? '—' : t('audit.state.yi', { amount: n }));
  return (
    <Flex vertical gap={12}>
      <Form form={form} layout="inline" className="audit-filters" onFinish={(v) => void ask(v)}>
        <Form.Item name="projectId" label={t('audit.project')} rules={[{ required: true, message: t('audit.pickProject') }]}>
          <ProjectPicker />
        </Form.Item>
        <Form.Item name="asOf" label={t('audit.state.asOf')} rules={[{ required: true, message: t('audit.state.pickTime') }]}>
          <DatePicker showTime={{ format: 'HH:mm:ss' }} format="YYYY-MM-DD HH:mm:ss" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('audit.state.show')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      {result ? (
        <Card size="small" data-testid="state-as-of" title={<span className="audit-wrap">{t('audit.state.title', { at: time(result.asOf) })}</span>}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'stage', label: t('audit.state.stage'), children: <Tag color="blue">{result.stageLabel}</Tag> },
              { key: 'registered', label: t('audit.state.registeredAt'), children: time(result.registeredAt) },
              {
                key: 'last',
                label: t('audit.state.lastEvent'),
                children: (
                  <span className="audit-wrap">
                    {t('audit.state.lastEventText', { at: time(result.lastEvent.occurredAt), action: result.lastEvent.actionLabel, actor: result.lastEvent.actorName ?? '—' })}
                  </span>
                ),
              },
              { key: 'count', label: t('audit.state.eventsUpTo'), children: result.eventsUpTo },
              ...(s
                ? [
                    { key: 'company', label: t('audit.state.company'), children: <Link to={`/projects/${result.projectId}`} className="audit-wrap">{s.companyName}</Link> },
                    { key: 'chain', label: t('audit.state.chain'), children: s.industryChain },
                    { key: 'estimated', label: t('audit.state.estimated'), children: yi(s.estimatedInvestmentYi) },
                    { key: 'owner', label: t('audit.state.owner'), children: s.ownerName ?? '—' },
                    { key: 'contract', label: t('audit.state.contract'), children: s.signedOn ? t('audit.state.contractText', { no: s.contractNo ?? '—', on: s.signedOn, amount: s.contractInvestmentYi ?? '—' }) : t('audit.state.notSigned') },
                    { key: 'commissioner', label: t('audit.state.commissioner'), children: s.commissionerName ?? '—' },
                    { key: 'milestones', label: t('audit.state.milestones'), children: s.milestonesTotal === null ? t('audit.state.noPlan') : `${s.milestonesCompleted} / ${s.milestonesTotal}` },
                    { key: 'overdue', label: t('audit.state.overdue'), children: s.overdue ? <Tag color="red">{t('audit.state.overdueYes')}</Tag> : <Tag color="green">{t('audit.state.overdueNo')}</Tag> },
                  ]
                : []),
            ]}
          />
          <Typography.Text type="secondary">{t('audit.state.source', { source: result.stateSourceLabel })}</Typography.Text>
        </Card>
      ) : !error && !loading ? (
        <Empty description={t('audit.state.hint')} />
      ) : null}
    </Flex>
  );
}
