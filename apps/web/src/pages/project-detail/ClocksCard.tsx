import { PauseCircleOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Countdown } from '../../components/Countdown';
import { useI18n } from '../../i18n/I18nProvider';
import { pauseReasonOf, type TimelineEvent } from '../../logic/clock-pauses';
import type { ProjectView } from './project-tab';

/**
 * Each clock of the project still running (or paused): a live countdown, or, paused, the time it
 * keeps and why it was paused (the reason comes from the SLA timeline, read only when a clock is paused).
 */
export function ClocksCard({ project, readAt }: { project: ProjectView; readAt: number }) {
  const { t } = useI18n();
  const open = project.clocks.filter((c) => c.stoppedAt === null);
  const anyPaused = open.some((c) => c.paused);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  useEffect(() => {
    if (!anyPaused) return;
    unwrap(api.GET('/sla/projects/{id}/timeline', { params: { path: { id: project.id } } }))
      .then((timeline) => setEvents(timeline.events))
      .catch(() => setEvents([]));
  }, [anyPaused, project.id, readAt]);
  if (open.length === 0) return null;
  return (
    <Card size="small" title={t('detail.clocks')}>
      <List
        size="small"
        dataSource={open}
        renderItem={(clock) => {
          const pause = clock.paused ? pauseReasonOf(events, clock.clock) : null;
          return (
            <List.Item data-testid={`clock-${clock.clock}`}>
              <Space wrap>
                <Typography.Text strong>{clock.label}</Typography.Text>
                <Countdown remainingMs={clock.remainingMs} readAt={readAt} paused={clock.paused} />
                {clock.paused ? (
                  <Tag icon={<PauseCircleOutlined />} color="default">
                    {t('detail.clock.paused')}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{t('detail.clock.deadline', { at: dayjs(clock.deadlineAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
                )}
                {pause ? <Typography.Text type="secondary">{t('detail.clock.pauseReason', { reason: pause.reason ?? '—', at: dayjs(pause.at).format('YYYY-MM-DD HH:mm') })}</Typography.Text> : null}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
