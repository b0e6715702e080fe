import { Segmented, Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { EChart } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { useRemote } from '../../components/use-remote';
import { ChartCard } from './ChartCard';
import { leaderboardEntryAt, leaderboardOption } from './kpi-charts';
import { leaderboardFilter, projectsPath } from './project-links';

type By = 'team' | 'officer';

/** A campaign's leaderboard (GET /campaigns/:id/leaderboard) by team or officer, one metric at a time. */
export function LeaderboardCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const campaigns = useRemote(() => unwrap(api.GET('/campaigns', { params: { query: { pageSize: 100 } } })), 'campaigns');
  // The campaign is kept in the address (?campaign=), so a link or a reload shows the same board.
  const [search, setSearch] = useSearchParams();
  const campaignId = search.get('campaign') ?? undefined;
  const setCampaignId = (id: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('campaign', id);
        return next;
      },
      { replace: true },
    );
  const [by, setBy] = useState<By>('team');
  const [field, setField] = useState('contractInvestmentYi');
  // The latest campaign until the leader picks another.
  useEffect(() => {
    if (!campaignId && campaigns.data?.items[0]) setCampaignId(campaigns.data.items[0].id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setCampaignId only writes the address
  }, [campaignId, campaigns.data]);
  const board = useRemote(
    () => (campaignId ? unwrap(api.GET('/campaigns/{id}/leaderboard', { params: { path: { id: campaignId }, query: { by } } })) : Promise.resolve(undefined)),
    `${campaignId}/${by}`,
  );
  const metric = board.data?.metrics.find((m) => m.field === field) ?? board.data?.metrics[0];
  const entries = board.data?.entries ?? [];
  const option = useMemo(() => (board.data && metric ? leaderboardOption(board.data, metric) : {}), [board.data, metric]);
  const onEvents = useMemo(
    () => ({
      click: (p: unknown) => {
        const entry = board.data && leaderboardEntryAt(board.data, (p as { dataIndex: number }).dataIndex);
        if (entry && campaignId) navigate(projectsPath(leaderboardFilter(campaignId, by, entry.id)));
      },
    }),
    [board.data, campaignId, by, navigate],
  );
  const controls = (
    <Space wrap size="small">
      <Select
        size="small"
        value={campaignId}
        onChange={setCampaignId}
        placeholder={t('dashboard.leaderboard.campaign')}
        aria-label={t('dashboard.leaderboard.campaign')}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.statusLabel}）` }))}
      />
      <Segmented
        size="small"
        value={by}
        onChange={(v) => setBy(v as By)}
        options={[
          { value: 'team', label: t('dashboard.leaderboard.team') },
          { value: 'officer', label: t('dashboard.leaderboard.officer') },
        ]}
      />
    </Space>
  );
  const noCampaign = !campaigns.loading && (campaigns.data?.items.length ?? 0) === 0;
  return (
    <ChartCard
      title={t('dashboard.leaderboard')}
      formula={board.data ? [board.data.rankingRule, ...board.data.metrics.map((m) => `${m.label}：${m.formula}`)].join('\n') : undefined}
      extra={controls}
      loading={campaigns.loading || board.loading}
      error={campaigns.error ?? board.error}
      onRetry={board.reload}
      empty={noCampaign || entries.length === 0}
      emptyText={noCampaign ? t('dashboard.leaderboard.none') : t('dashboard.leaderboard.noEntries')}
      testId="chart-leaderboard"
    >
      {board.data && (
        <Space wrap size="small" style={{ marginBottom: 8 }}>
          <Segmented size="small" value={metric?.field} onChange={(v) => setField(String(v))} options={board.data.metrics.map((m) => ({ value: m.field, label: m.label }))} />
          {board.data.frozen && <Tag color="purple">{t('dashboard.leaderboard.frozen')}</Tag>}
        </Space>
      )}
      <EChart option={option} height={Math.max(220, entries.length * 32 + 48)} notMerge onEvents={onEvents} ariaLabel={t('dashboard.leaderboard')} testId="leaderboard-canvas" />
    </ChartCard>
  );
}
