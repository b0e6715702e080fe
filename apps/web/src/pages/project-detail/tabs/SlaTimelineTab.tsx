import { Card, Col, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/I18nProvider';
import type { ProjectTabProps } from '../project-tab';
import { formatDateTime } from './format';
import { clockTracks, slaEventColor, type ClockTrack, type SlaTimelineEvent } from './sla-timeline';

type ClockStatus = components['schemas']['ClockViewDto']['status'];
const CLOCK_STATUS_COLORS: Record<ClockStatus, string> = { running: 'processing', paused: 'warning', overdue: 'error', met: 'success', met_late: 'orange' };

/** 时限轨迹: every clock of the project and of its service requests, event by event (started, warned, escalated, paused and resumed with reasons, met). */
export default function SlaTimelineTab({ project }: ProjectTabProps) {
  const { t } = useI18n();
  const [events, setEvents] = useState<SlaTimelineEvent[] | null>(null);
  const [requestTitles, setRequestTitles] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [timeline, requests] = await Promise.all([
        unwrap(api.GET('/sla/projects/{id}/timeline', { params: { path: { id: project.id } } })),
        // Names the tracks of service request clocks; a project without requests answers an empty page.
        unwrap(api.GET('/projects/{id}/service-requests', { params: { path: { id: project.id }, query: { pageSize: 100 } } })),
      ]);
      setEvents(timeline.events);
      setRequestTitles(new Map(requests.items.map((r) => [r.id, r.title])));
    } catch (err) {
      setError(err);
    }
  }, [project.id]);

  useEffect(() => {
    void load();
  }, [load, project.updatedAt]);

  const tracks = useMemo(() => (events ? clockTracks(events) : []), [events]);

  if (error) return <ErrorAlert error={error} onRetry={() => void load()} />;
  if (!events) return <PageLoading />;
  if (tracks.length === 0) return <Empty description={t('projectTabs.sla.empty')} />;
  return (
    <Row gutter={[16, 16]} data-testid="sla-timeline">
      {tracks.map((track) => (
        <Col key={track.key} xs={24} lg={12}>
          <ClockCard track={track} requestTitle={track.requestId ? requestTitles.get(track.requestId) : undefined} status={track.requestId ? undefined : project.clocks.find((c) => c.clock === track.clock)?.status} />
        </Col>
      ))}
    </Row>
  );
}

function ClockCard({ track, requestTitle, status }: { track: ClockTrack; requestTitle?: string; status?: ClockStatus }) {
  const { t } = useI18n();
  const title = (
    <Space wrap size={[8, 0]}>
      <span>{track.clockLabel}</span>
      {track.requestId && <Tag color="purple">{requestTitle ?? t('projectTabs.sla.serviceRequest')}</Tag>}
    </Space>
  );
  return (
    <Card size="small" title={title} extra={status && <Tag color={CLOCK_STATUS_COLORS[status]}>{t(`projectTabs.clockStatus.${status}` as const)}</Tag>}>
      <Timeline
        items={track.events.map((e, i) => ({
          key: `${e.at}-${e.event}-${i}`,
          color: slaEventColor(e.event),
          content: <EventLine event={e} />,
        }))}
      />
    </Card>
  );
}

function EventLine({ event: e }: { event: SlaTimelineEvent }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      <Space wrap size={[8, 0]}>
        <Typography.Text strong>{e.eventLabel}</Typography.Text>
        {e.level !== null && <Tag color="red">{t('projectTabs.sla.level', { level: e.level })}</Tag>}
        <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
      </Space>
      {e.reason && <Typography.Text>{t('projectTabs.sla.reason', { reason: e.reason })}</Typography.Text>}
      {e.deadlineAt && e.event !== 'breached' && <Typography.Text type="secondary">{t('projectTabs.sla.deadline', { at: formatDateTime(e.deadlineAt) })}</Typography.Text>}
      {e.policyVersion !== null && <Typography.Text type="secondary">{t('projectTabs.sla.policyVersion', { version: e.policyVersion })}</Typography.Text>}
      {e.actorId === null && e.event !== 'started' && e.event !== 'met' && <Typography.Text type="secondary">{t('projectTabs.sla.bySystem')}</Typography.Text>}
    </Space>
  );
}
