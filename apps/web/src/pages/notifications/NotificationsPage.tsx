import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, Pagination, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { refreshUnreadCount } from './unread-count';
import './notifications.css';

type Notification = components['schemas']['NotificationViewDto'];
type Inbox = components['schemas']['NotificationPageDto'];

const PAGE_SIZE = 20;

/** 消息: the caller's alerts, newest first, read or unread (each reader's own mark); each links to its project. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    let live = true;
    setLoading(true);
    setError(null);
    unwrap(api.GET('/notifications', { params: { query: { page, pageSize: PAGE_SIZE, ...(onlyUnread ? { unread: 'true' as const } : {}) } } }))
      .then((answer) => live && setInbox(answer))
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [page, onlyUnread]);
  useEffect(load, [load]);

  const markRead = async (n: Notification) => {
    if (n.read) return;
    try {
      await unwrap(api.POST('/notifications/{id}/read', { params: { path: { id: n.id } } }));
      refreshUnreadCount();
      load();
    } catch (err) {
      void message.error(errorText(err, t('error.network'), t('common.error')));
    }
  };

  const markAll = async () => {
    try {
      const answer = await unwrap(api.POST('/notifications/read-all'));
      void message.success(t('notifications.markedAll', { count: answer.marked }));
      refreshUnreadCount();
      load();
    } catch (err) {
      void message.error(errorText(err, t('error.network'), t('common.error')));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.notifications')}
        </Typography.Title>
        <Space wrap>
          <Segmented<'all' | 'unread'>
            value={onlyUnread ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly', { count: inbox?.unreadCount ?? 0 }) },
            ]}
            onChange={(value) => {
              setOnlyUnread(value === 'unread');
              setPage(1);
            }}
          />
          <Button icon={<CheckOutlined />} disabled={!inbox?.unreadCount} onClick={() => void markAll()}>
            {t('notifications.markAll')}
          </Button>
        </Space>
      </Flex>
      <ErrorAlert error={error} onRetry={load} />
      <Spin spinning={loading}>
        {inbox && inbox.items.length === 0 ? <Empty description={onlyUnread ? t('notifications.noneUnread') : t('notifications.none')} /> : null}
        <ul className="notification-list" aria-label={t('menu.notifications')}>
          {(inbox?.items ?? []).map((n) => (
            <li key={n.id} data-testid="notification" data-read={n.read} className={n.read ? 'notification-item' : 'notification-item notification-unread'}>
              <Flex gap={12} justify="space-between" wrap>
                <Space orientation="vertical" size={2} className="notification-text">
                  <Space wrap size={4}>
                    <Badge status={n.read ? 'default' : 'processing'} />
                    {n.read ? <span>{n.title}</span> : <Typography.Text strong>{n.title}</Typography.Text>}
                    {n.level > 1 ? <Tag color="red">{t('notifications.level', { level: n.level })}</Tag> : null}
                    {!n.read ? <Tag color="blue">{t('notifications.unread')}</Tag> : null}
                  </Space>
                  <Typography.Text type="secondary" className="notification-body">
                    {n.body}
                  </Typography.Text>
                  <Typography.Text type="secondary">{new Date(n.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</Typography.Text>
                </Space>
                <Space wrap>
                  {n.projectId ? (
                    <Link to={`/projects/${n.projectId}`} onClick={() => void markRead(n)}>
                      {t('notifications.openProject')}
                    </Link>
                  ) : null}
                  {n.read ? (
                    <Typography.Text type="secondary">{t('notifications.read')}</Typography.Text>
                  ) : (
                    <Button size="small" onClick={() => void markRead(n)}>
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </Space>
              </Flex>
            </li>
          ))}
        </ul>
      </Spin>
      {inbox && inbox.total > PAGE_SIZE ? (
        <Pagination align="end" current={page} pageSize={PAGE_SIZE} total={inbox.total} onChange={setPage} showSizeChanger={false} showTotal={(total) => t('common.total', { total })} />
      ) : null}
    </Flex>
  );
}
