import { Button, Empty, Segmented, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/I18nProvider';
import type { ProjectTabProps } from '../project-tab';
import { formatDateTime } from './format';
import { historyDetails } from './history-details';
import { distinctReferences, historyPageToLoad, mergeHistory, type HistoryItem, type HistoryOrder } from './history-paging';

const PAGE_SIZE = 20;

type HistoryPage = components['schemas']['HistoryDto'];

interface Loaded {
  items: HistoryItem[];
  pages: number;
  total: number;
}

/** 项目历史: the audit trail of the project and its service requests, with names and Chinese labels, a page at a time. */
export default function HistoryTab({ project }: ProjectTabProps) {
  const { t } = useI18n();
  const [order, setOrder] = useState<HistoryOrder>('newest');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Answers to an order no longer chosen (or a project no longer shown) are dropped.
  const generation = useRef(0);

  const fetchPage = useCallback(
    (page: number) => unwrap(api.GET('/projects/{id}/history', { params: { path: { id: project.id }, query: { page, pageSize: PAGE_SIZE } } })),
    [project.id],
  );

  /**
   * The next page in the chosen order, after what is shown (`from`; null: start over). The first
   * call reads page 1 to learn the total (newest first starts from the last page). A short page
   * (the last page, newest first) brings the next one along, so a page always shows a full page.
   */
  const loadMore = useCallback(
    async (from: Loaded | null, wanted: HistoryOrder) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const answers = new Map<number, Promise<HistoryPage>>();
        const read = (page: number) => answers.get(page) ?? answers.set(page, fetchPage(page)).get(page)!;
        let state: Loaded = from ?? { items: [], pages: 0, total: (await read(1)).total };
        const before = state.items.length;
        for (let page = historyPageToLoad(wanted, state.pages, state.total, PAGE_SIZE); page !== null; page = historyPageToLoad(wanted, state.pages, state.total, PAGE_SIZE)) {
          const answer = await read(page);
          state = { items: mergeHistory(state.items, answer.items, wanted), pages: state.pages + 1, total: answer.total };
          if (state.items.length - before >= PAGE_SIZE) break;
        }
        if (mine === generation.current) setLoaded(state);
      } catch (err) {
        if (mine === generation.current) setError(err);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    setLoaded(null);
    void loadMore(null, order);
  }, [order, loadMore]);

  const more = loaded ? historyPageToLoad(order, loaded.pages, loaded.total, PAGE_SIZE) !== null : false;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        <Segmented
          value={order}
          onChange={(v) => setOrder(v as HistoryOrder)}
          options={[
            { value: 'newest', label: t('projectTabs.history.newestFirst') },
            { value: 'oldest', label: t('projectTabs.history.oldestFirst') },
          ]}
        />
        {loaded && (
          <Typography.Text type="secondary" data-testid="history-count">
            {t('projectTabs.history.count', { shown: loaded.items.length, total: loaded.total })}
          </Typography.Text>
        )}
      </Space>
      <ErrorAlert error={error} onRetry={() => void loadMore(loaded, order)} />
      {!loaded && loading && <PageLoading />}
      {loaded && loaded.items.length === 0 && <Empty description={t('projectTabs.history.empty')} />}
      {loaded && loaded.items.length > 0 && (
        <Timeline
          data-testid="history-timeline"
          titleSpan="140px"
          items={loaded.items.map((item) => ({
            key: `${item.workflowId}#${item.seq}`,
            color: item.actorId === 'system' ? 'gray' : 'blue',
            title: formatDateTime(item.occurredAt),
            content: <HistoryEntry item={item} />,
          }))}
        />
      )}
      {more && (
        <Button onClick={() => void loadMore(loaded, order)} loading={loading}>
          {t('projectTabs.history.loadMore')}
        </Button>
      )}
    </Space>
  );
}

function HistoryEntry({ item }: { item: HistoryItem }) {
  const { t } = useI18n();
  const references = distinctReferences(item);
  const details = historyDetails(item.payload);
  const stageChanged = item.stageBeforeLabel !== null && item.stageBefore !== item.stageAfter;
  return (
    <Space orientation="vertical" size={2} data-testid="history-entry">
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>{item.actionLabel}</Typography.Text>
        {item.subject.kind === 'service_request' && (
          <Tag color="purple">
            {item.subject.kindLabel}
            {item.subject.title ? `：${item.subject.title}` : ''}
          </Tag>
        )}
        {stageChanged && <Tag color="geekblue">{t('projectTabs.history.stageChange', { from: item.stageBeforeLabel ?? '', to: item.stageAfterLabel })}</Tag>}
      </Space>
      <Typography.Text type="secondary">
        {/* The system (timers) is named by its role label alone: not 系统（系统）. */}
        {item.actorName === item.actorRoleLabel ? item.actorName : t('projectTabs.history.actor', { name: item.actorName ?? t('projectTabs.history.unknownActor'), role: item.actorRoleLabel })}
      </Typography.Text>
      {details.map((d) => (
        <Typography.Text key={d.field}>
          {t(`projectTabs.history.field.${d.field}` as const)}：{d.value}
        </Typography.Text>
      ))}
      {references.length > 0 && (
        <Typography.Text type="secondary">
          {t('projectTabs.history.references')}：{references.map((r) => `${r.kindLabel} ${r.name}`).join('、')}
        </Typography.Text>
      )}
    </Space>
  );
}
