import { currentVersion, ganttBars, ganttRange, milestoneRows, planStartOf, type ConstructionView, type MilestoneNodeView } from './milestone-plan';

const actor = { userId: 'u-psb', role: 'project_service_bureau' as const, displayName: '刘洋' };

function node(kind: MilestoneNodeView['kind'], label: string, dueOn: string, completedOn: string | null = null, escalatedLevels: number[] = []): MilestoneNodeView {
  return { kind, label, responsible: { userId: 'u-psb', name: '刘洋' }, todos: [], dueOn, completedOn, evidence: completedOn ? '验收单' : null, completedBy: completedOn ? actor : null, overdue: false, escalatedLevels };
}

/** Three nodes (the rest of the template left out: the logic does not depend on the kinds), re-baselined once. */
const construction = {
  nodes: [
    node('company_registration', '公司注册', '2026-03-10', '2026-03-08'),
    node('land_handover', '土地/厂房交付', '2026-03-25', '2026-03-28'),
    node('construction_start', '开工建设', '2026-04-20', null, [1]),
  ],
  versions: [
    { version: 1, createdAt: '2026-03-01T02:00:00.000Z', createdBy: actor, reason: '初始计划', dueDates: { company_registration: '2026-03-10', land_handover: '2026-03-20', construction_start: '2026-04-10' } },
    { version: 2, createdAt: '2026-03-15T02:00:00.000Z', createdBy: actor, reason: '土地交付延期', dueDates: { company_registration: '2026-03-10', land_handover: '2026-03-25', construction_start: '2026-04-20' } },
  ],
  progress: [],
} as unknown as ConstructionView;

describe('milestoneRows', () => {
  it('shows the current version with the dates it changed and each node judged against its due day', () => {
    expect(currentVersion(construction)).toBe(2);
    const rows = milestoneRows(construction, 2, '2026-04-22');
    expect(rows.map((r) => [r.label, r.dueOn, r.previousDueOn, r.completedOn, r.state, r.daysLate, r.escalatedLevels])).toEqual([
      ['公司注册', '2026-03-10', null, '2026-03-08', 'done_on_time', 0, []],
      ['土地/厂房交付', '2026-03-25', '2026-03-20', '2026-03-28', 'done_late', 3, []],
      ['开工建设', '2026-04-20', '2026-04-10', null, 'overdue', 2, [1]],
    ]);
  });

  it('shows an older version with its own due dates, no changes of its own, and no escalations (they belong to the current dates)', () => {
    const rows = milestoneRows(construction, 1, '2026-04-05');
    expect(rows.map((r) => [r.dueOn, r.previousDueOn, r.state, r.daysLate, r.escalatedLevels])).toEqual([
      ['2026-03-10', null, 'done_on_time', 0, []],
      ['2026-03-20', null, 'done_late', 8, []],
      ['2026-04-10', null, 'open', 0, []],
    ]);
  });

  it('counts a node due today as not yet overdue (due by the end of the day)', () => {
    expect(milestoneRows(construction, 2, '2026-04-20')[2].state).toBe('open');
    expect(milestoneRows(construction, 2, '2026-04-21')[2].state).toBe('overdue');
  });
});

describe('ganttBars', () => {
  it('draws each node from the day after the node before is due to its due day, and its actual bar beside it', () => {
    const rows = milestoneRows(construction, 2, '2026-04-22');
    expect(ganttBars(rows, '2026-03-01', '2026-04-22')).toEqual([
      { row: 0, track: 'plan', start: '2026-03-01', end: '2026-03-10', state: 'done_on_time' },
      { row: 0, track: 'actual', start: '2026-03-01', end: '2026-03-08', state: 'done_on_time' },
      { row: 1, track: 'plan', start: '2026-03-11', end: '2026-03-25', state: 'done_late' },
      { row: 1, track: 'actual', start: '2026-03-11', end: '2026-03-28', state: 'done_late' },
      { row: 2, track: 'plan', start: '2026-03-26', end: '2026-04-20', state: 'overdue' },
      // Still open: the red bar is the time past the due day, up to today.
      { row: 2, track: 'actual', start: '2026-04-21', end: '2026-04-22', state: 'overdue' },
    ]);
  });

  it('keeps every bar the right way round when a plan is not in order or a node was done before its window', () => {
    const unordered = { ...construction, nodes: [node('company_registration', '公司注册', '2026-03-20'), node('land_handover', '土地/厂房交付', '2026-03-12', '2026-03-05')], versions: [] } as unknown as ConstructionView;
    const bars = ganttBars(milestoneRows(unordered, 1, '2026-03-15'), '2026-03-01', '2026-03-15');
    expect(bars).toEqual([
      { row: 0, track: 'plan', start: '2026-03-01', end: '2026-03-20', state: 'open' },
      { row: 1, track: 'plan', start: '2026-03-12', end: '2026-03-12', state: 'done_on_time' },
      { row: 1, track: 'actual', start: '2026-03-05', end: '2026-03-05', state: 'done_on_time' },
    ]);
    for (const b of bars) expect(b.start <= b.end).toBe(true);
  });

  it('spans every bar and today with room either side', () => {
    const bars = ganttBars(milestoneRows(construction, 2, '2026-04-22'), '2026-03-01', '2026-04-22');
    expect(ganttRange(bars, '2026-04-22')).toEqual({ from: '2026-02-26', to: '2026-04-26' });
    expect(ganttRange([], '2026-05-01')).toEqual({ from: '2026-04-28', to: '2026-05-05' });
  });
});

describe('planStartOf', () => {
  it('starts at the signing, or at the plan when there is no contract', () => {
    expect(planStartOf({ contract: { signedOn: '2026-02-20' } as never }, construction)).toBe('2026-02-20');
    // 02:00 UTC is 10:00 in Shanghai, the same day.
    expect(planStartOf({ contract: null }, construction)).toBe('2026-03-01');
  });
});
