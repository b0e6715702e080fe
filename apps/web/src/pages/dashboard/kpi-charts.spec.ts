import {
  barAt,
  barOption,
  doubleHalfGauges,
  escapeHtml,
  formatKpi,
  gaugeOption,
  kpiBars,
  leaderboardEntryAt,
  leaderboardOption,
  trendOption,
  trendSeries,
  type KpiDefinition,
  type KpiRow,
  type TargetProgress,
} from './kpi-charts';

const figure = (value: number | null) => ({ value, numerator: value, denominator: null });
const row = (group: string | null, groupLabel: string, kpis: Record<string, number | null>, period: string | null = null): KpiRow => ({
  group,
  groupLabel,
  period,
  from: '2026-01-01',
  to: '2026-06-30',
  projectCount: 3,
  kpis: Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, figure(v)])),
});
const DEFS: KpiDefinition[] = [
  { code: 'projects_signed', label: '签约项目数', formula: '签约日在统计期内的项目数。', unit: '个' },
  { code: 'contract_investment_yi', label: '合同投资额', formula: '…', unit: '亿元' },
  { code: 'fulfilment_rate', label: '履约率', formula: '…', unit: '%' },
];

describe('formatKpi and escapeHtml', () => {
  it('writes a figure with its unit, rounded to two places; no value as a dash', () => {
    expect(formatKpi(62.5, '%')).toBe('62.5%');
    expect(formatKpi(3, '亿元')).toBe('3 亿元');
    expect(formatKpi(12.345, '天')).toBe('12.35 天');
    expect(formatKpi(null, '%')).toBe('—');
  });

  it('keeps an administrator-typed name from becoming HTML in a tooltip', () => {
    expect(escapeHtml('<b>招商局</b>&"')).toBe('&#60;b&#62;招商局&#60;/b&#62;&#38;&#34;');
  });
});

describe('kpiBars and barOption', () => {
  const rows = [row('d1', '招商一局', { projects_signed: 2 }), row('d2', '招商二局', { projects_signed: 5 }), row(null, '未归属', { projects_signed: 1 }), row('d3', '服务局', { projects_signed: null })];

  it('draws one bar per group with a value, largest first', () => {
    expect(kpiBars(rows, 'projects_signed')).toEqual([
      { group: 'd2', label: '招商二局', value: 5 },
      { group: 'd1', label: '招商一局', value: 2 },
      { group: null, label: '未归属', value: 1 },
    ]);
  });

  it('puts the largest on top of the horizontal chart and maps a click back to its group', () => {
    const bars = kpiBars(rows, 'projects_signed');
    const option = barOption(bars, DEFS[0]);
    expect(option.yAxis.data).toEqual(['未归属', '招商一局', '招商二局']);
    expect(option.series[0].data).toEqual([1, 2, 5]);
    expect(option.xAxis.minInterval).toBe(1);
    expect(barAt(bars, 2)?.group).toBe('d2');
    expect(barAt(bars, 0)?.group).toBeNull();
    expect(option.tooltip.formatter({ dataIndex: 2 })).toBe('招商二局<br/>签约项目数：5 个');
  });
});

describe('trendSeries', () => {
  it('lines up each KPI over the periods, skipping codes without a definition', () => {
    const rows = [row('2026-01', '2026-01', { projects_signed: 1, contract_investment_yi: 3 }, '2026-01'), row('2026-02', '2026-02', { projects_signed: 0, contract_investment_yi: null }, '2026-02')];
    expect(trendSeries(rows, DEFS, ['projects_signed', 'contract_investment_yi', 'no_such_kpi'])).toEqual({
      periods: ['2026-01', '2026-02'],
      series: [
        { code: 'projects_signed', label: '签约项目数', unit: '个', values: [1, 0] },
        { code: 'contract_investment_yi', label: '合同投资额', unit: '亿元', values: [3, null] },
      ],
    });
  });
});

describe('trendOption', () => {
  it('puts counts on the left axis and 亿元 on the right', () => {
    const option = trendOption({ periods: ['2026-01'], series: [{ code: 'a', label: '签约项目数', unit: '个', values: [1] }, { code: 'b', label: '合同投资额', unit: '亿元', values: [3] }] });
    expect(option.yAxis).toMatchObject([
      { name: '个', position: 'left' },
      { name: '亿元', position: 'right' },
    ]);
    expect(option.series.map((s) => [s.type, s.yAxisIndex])).toEqual([['bar', 0], ['line', 1]]);
  });

  it('keeps a value axis before any data (ECharts cannot draw the x axis alone)', () => {
    expect(trendOption({ periods: [], series: [] }).yAxis).toEqual([{ type: 'value' }]);
  });
});

describe('doubleHalfGauges and gaugeOption', () => {
  const progress = (scopeId: string, scopeName: string, ci: number | null, fi: number | null, scopeKind: 'department' | 'team' = 'department'): TargetProgress => ({
    target: { year: 2026, scopeKind, scopeId, scopeName, contractInvestmentYi: 20, fundsInPlaceYi: 10, countGe1: null, countGe5: null, countGe10: null, fortune500Count: null, updatedBy: 'u', updatedAt: '' },
    to: '2026-06-30',
    measures: [],
    doubleHalf: {
      status: 'behind',
      label: '进度滞后',
      deadline: '2026-06-30',
      evaluatedTo: '2026-05-31',
      contractInvestment: { actual: 12.5, target: 20, percent: ci },
      fundsInPlace: { actual: 3, target: 10, percent: fi },
      requiredPercentToDate: 41.4,
    },
  });

  it('gives each department target its two figures, by name; other scopes are not departments', () => {
    // By pinyin: 安 (an) before 北 (bei).
    const gauges = doubleHalfGauges([progress('d2', '北区招商局', 62.5, 30), progress('d1', '安商局', 10, 5), progress('t1', '一组', 1, 1, 'team')]);
    expect(gauges.map((g) => g.name)).toEqual(['安商局', '北区招商局']);
    expect(gauges[1]).toEqual({
      departmentId: 'd2',
      name: '北区招商局',
      status: 'behind',
      statusLabel: '进度滞后',
      evaluatedTo: '2026-05-31',
      figures: [
        { key: 'contractInvestment', actual: 12.5, target: 20, percent: 62.5 },
        { key: 'fundsInPlace', actual: 3, target: 10, percent: 30 },
      ],
    });
  });

  it('draws each percentage of the year\'s target on a 0–100 dial split at 50 %; no target shows a dash', () => {
    const [gauge] = doubleHalfGauges([progress('d1', '招商一局', 62.5, null)]);
    const option = gaugeOption(gauge, { contractInvestment: '合同投资额', fundsInPlace: '到位资金' });
    expect(option.series.map((s) => s.data[0])).toEqual([
      { value: 62.5, name: '合同投资额' },
      { value: 0, name: '到位资金' },
    ]);
    expect(option.series[0].axisLine.lineStyle.color[0]).toEqual([0.5, '#faad14']);
    expect(option.series[0].detail.formatter(62.5)).toBe('62.5%');
    expect(option.series[1].detail.formatter(0)).toBe('—');
  });
});

describe('leaderboardOption', () => {
  const entry = (rank: number, id: string, name: string, contractInvestmentYi: number) => ({
    rank,
    id,
    name,
    creditedProjects: 1,
    signedProjects: 1,
    contractInvestmentYi,
    fundsInPlaceYi: 0,
    decisionCompliance: { value: 80, numerator: 4, denominator: 5 },
    leadToSigningDays: { value: null, numerator: null, denominator: null },
  });
  const board = { entries: [entry(1, 't2', '二组', 9), entry(2, 't1', '一组', 3)] };

  it('ranks top down and maps a click back to the entry', () => {
    const option = leaderboardOption(board, { field: 'contractInvestmentYi', label: '合同投资额', unit: '亿元' });
    expect(option.yAxis.data).toEqual(['2. 一组', '1. 二组']);
    expect(option.series[0].data).toEqual([3, 9]);
    expect(leaderboardEntryAt(board, 1)?.id).toBe('t2');
  });

  it('reads a rate metric from its value', () => {
    expect(leaderboardOption(board, { field: 'decisionCompliance', label: '48小时决策合规率', unit: '%' }).series[0].data).toEqual([80, 80]);
  });
});
