import type { CampaignRecord } from '@zs/persistence';
import { fullTargets, toCampaignView } from './campaign-view.mapper';

const campaign = (over: Partial<CampaignRecord> = {}): CampaignRecord => ({
  id: 'c1',
  name: '夏季攻势',
  description: null,
  startsOn: '2026-07-01',
  endsOn: '2026-08-31',
  targets: fullTargets({ contractInvestmentYi: 10 }),
  createdBy: 'u1',
  createdAt: new Date('2026-06-20T00:00:00Z'),
  updatedAt: new Date('2026-06-20T00:00:00Z'),
  teams: [],
  officers: [],
  frozenAt: null,
  ...over,
});
/** Noon in Asia/Shanghai on that day. */
const at = (date: string) => Date.parse(`${date}T04:00:00Z`);

describe('campaign view', () => {
  it('says whether the campaign is upcoming, active, ended or frozen (Asia/Shanghai days)', () => {
    expect(toCampaignView(campaign(), at('2026-06-30'))).toMatchObject({ status: 'upcoming', statusLabel: '未开始' });
    expect(toCampaignView(campaign(), at('2026-07-01'))).toMatchObject({ status: 'active', statusLabel: '进行中' });
    expect(toCampaignView(campaign(), at('2026-08-31'))).toMatchObject({ status: 'active' });
    expect(toCampaignView(campaign(), at('2026-09-01'))).toMatchObject({ status: 'ended' });
    const frozenAt = new Date('2026-09-02T01:00:00Z');
    expect(toCampaignView(campaign({ frozenAt }), at('2026-09-03'))).toMatchObject({ status: 'frozen', statusLabel: '已封榜', frozenAt: frozenAt.toISOString() });
  });

  it('lists every target, null when open', () => {
    expect(toCampaignView(campaign(), at('2026-07-01')).targets).toEqual({ contractInvestmentYi: 10, fundsInPlaceYi: null, signedProjects: null, leads: null });
    expect(fullTargets(null)).toEqual({ contractInvestmentYi: null, fundsInPlaceYi: null, signedProjects: null, leads: null });
  });
});
