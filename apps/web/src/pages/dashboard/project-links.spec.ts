import { funnelFilter, groupFilter, kpiBarFilter, kpiFilter, leaderboardFilter, projectsPath } from './project-links';

const YEAR = { from: '2026-01-01', to: '2026-06-30' };
const DEPT = '3f2b8c1e-0000-4000-8000-000000000001';

describe('kpiFilter', () => {
  it('selects projects signed in the window for KPIs counted over signings, narrowed by band or 500强', () => {
    expect(kpiFilter('projects_signed', YEAR)).toEqual({ signedFrom: '2026-01-01', signedTo: '2026-06-30' });
    expect(kpiFilter('contract_investment_yi', YEAR)).toEqual({ signedFrom: '2026-01-01', signedTo: '2026-06-30' });
    expect(kpiFilter('signed_ge_5yi', YEAR)).toEqual({ band: 'ge5', signedFrom: '2026-01-01', signedTo: '2026-06-30' });
    expect(kpiFilter('fortune500_signed', YEAR)).toEqual({ fortune500: 'true', signedFrom: '2026-01-01', signedTo: '2026-06-30' });
  });

  it('selects registrations for the registration count, and no date for KPIs of events (funds, nodes, services)', () => {
    expect(kpiFilter('projects_registered', YEAR)).toEqual({ registeredFrom: '2026-01-01', registeredTo: '2026-06-30' });
    expect(kpiFilter('funds_in_place_yi', YEAR)).toEqual({});
    expect(kpiFilter('satisfaction', YEAR)).toEqual({});
  });
});

describe('groupFilter and kpiBarFilter', () => {
  it('names each grouping by the project filter of the same meaning', () => {
    expect(groupFilter('department', DEPT)).toEqual({ departmentId: DEPT });
    expect(groupFilter('chain', '新能源汽车')).toEqual({ industryChain: '新能源汽车' });
    expect(groupFilter('campaign', 'c1')).toEqual({ campaignId: 'c1' });
    expect(groupFilter('team', 't1')).toEqual({ teamId: 't1' });
    expect(groupFilter('officer', 'u1')).toEqual({ ownerUserId: 'u1' });
    expect(groupFilter('period', '2026-03')).toEqual({});
  });

  it('gives no link for 未归属 (no filter selects projects without an owner)', () => {
    expect(groupFilter('department', null)).toBeNull();
    expect(kpiBarFilter('department', null, 'projects_signed', YEAR)).toBeNull();
  });

  it('combines the bar group, the KPI cohort and the dashboard department', () => {
    expect(kpiBarFilter('chain', '先进轨道交通装备', 'signed_ge_1yi', YEAR, DEPT)).toEqual({
      departmentId: DEPT,
      industryChain: '先进轨道交通装备',
      band: 'ge1',
      signedFrom: '2026-01-01',
      signedTo: '2026-06-30',
    });
    expect(kpiBarFilter('department', DEPT, 'projects_registered', YEAR, null)).toEqual({ departmentId: DEPT, registeredFrom: '2026-01-01', registeredTo: '2026-06-30' });
  });
});

describe('funnelFilter', () => {
  it('counts every lead registered in the window, then those that reached each step', () => {
    expect(funnelFilter('lead', YEAR)).toEqual({ registeredFrom: '2026-01-01', registeredTo: '2026-06-30' });
    expect(funnelFilter('signed', YEAR, DEPT)).toEqual({
      registeredFrom: '2026-01-01',
      registeredTo: '2026-06-30',
      stage: 'construction,production,service,completed,terminated',
      departmentId: DEPT,
    });
    expect(funnelFilter('production', YEAR).stage).toBe('production,service,completed');
    // A lost project had been accepted; a rejected one had not.
    expect(funnelFilter('accepted', YEAR).stage).toContain('lost');
    expect(funnelFilter('accepted', YEAR).stage).not.toContain('rejected');
  });
});

describe('leaderboardFilter and projectsPath', () => {
  it('selects a campaign entry by team or owning officer', () => {
    expect(leaderboardFilter('c1', 'team', 't1')).toEqual({ campaignId: 'c1', teamId: 't1' });
    expect(leaderboardFilter('c1', 'officer', 'u1')).toEqual({ campaignId: 'c1', ownerUserId: 'u1' });
  });

  it('writes the filter into 项目库\'s query, encoded', () => {
    expect(projectsPath({})).toBe('/projects');
    expect(projectsPath({ industryChain: '新能源 汽车', stage: 'production,service' })).toBe(
      `/projects?industryChain=${encodeURIComponent('新能源')}+${encodeURIComponent('汽车')}&stage=production%2Cservice`,
    );
    const read = new URLSearchParams(projectsPath({ industryChain: '新能源 汽车' }).split('?')[1]);
    expect(read.get('industryChain')).toBe('新能源 汽车');
  });
});
