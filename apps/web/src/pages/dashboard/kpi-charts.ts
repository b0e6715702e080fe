import type { components } from '../../api/schema';

/**
 * The dashboard's charts as ECharts options, built from the API's answers (GET /kpis, /targets/progress,
 * /campaigns/:id/leaderboard). Pure: the chart components only draw them and follow clicks.
 */
export type KpiRow = components['schemas']['KpiRowDto'];
export type KpiDefinition = components['schemas']['KpiDefinitionDto'];
export type TargetProgress = components['schemas']['TargetProgressDto'];
export type Leaderboard = components['schemas']['CampaignLeaderboardDto'];
export type LeaderboardEntry = components['schemas']['LeaderboardEntryDto'];

const PALETTE = ['#1f5fbf', '#52c41a', '#fa8c16', '#13c2c2', '#eb2f96', '#722ed1'];
/** Left margin of horizontal bar charts: room for a department or chain name. */
export const BAR_LABEL_WIDTH = 128;

/** Names typed by administrators go into tooltips as HTML: escape them. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A KPI figure with its unit as staff read it: 62.5%, 3 亿元, 12 天, 4 个; "—" without a value. */
export function formatKpi(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  const shown = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return unit === '%' ? `${shown}%` : `${shown} ${unit}`;
}

export interface BarDatum {
  /** The group id (department id, chain name…) the bar's projects are filtered by; null for 未归属. */
  group: string | null;
  label: string;
  value: number;
}

/** One bar per group with a value for the KPI, largest first (a group without a value is not drawn). */
export function kpiBars(rows: readonly KpiRow[], code: string): BarDatum[] {
  return rows
    .filter((r) => r.kpis[code]?.value !== null && r.kpis[code]?.value !== undefined)
    .map((r) => ({ group: r.group, label: r.groupLabel, value: r.kpis[code].value as number }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'zh-CN'));
}

/** Horizontal bars (long Chinese names read better down the side), the largest on top. */
export function barOption(bars: readonly BarDatum[], def: Pick<KpiDefinition, 'label' | 'unit'>) {
  const shown = [...bars].reverse();
  return {
    color: [PALETTE[0]],
    grid: { left: BAR_LABEL_WIDTH, right: 48, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => `${escapeHtml(shown[p.dataIndex].label)}<br/>${escapeHtml(def.label)}：${formatKpi(shown[p.dataIndex].value, def.unit)}`,
    },
    xAxis: { type: 'value', name: def.unit, minInterval: def.unit === '个' ? 1 : undefined },
    yAxis: { type: 'category', data: shown.map((b) => b.label), axisLabel: { width: BAR_LABEL_WIDTH - 12, overflow: 'truncate' } },
    series: [{ type: 'bar', name: def.label, data: shown.map((b) => b.value), barMaxWidth: 28, label: { show: true, position: 'right' }, cursor: 'pointer' }],
  };
}

/** The bar a click hit, in kpiBars order (the chart draws them reversed). */
export function barAt(bars: readonly BarDatum[], dataIndex: number): BarDatum | undefined {
  return bars[bars.length - 1 - dataIndex];
}

export interface FunnelDatum {
  step: string;
  label: string;
  value: number;
}

export function funnelOption(steps: readonly FunnelDatum[]) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => `${escapeHtml(steps[p.dataIndex].label)}：${steps[p.dataIndex].value}` },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        minSize: '20%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: (p: { dataIndex: number }) => `${steps[p.dataIndex].label}  ${steps[p.dataIndex].value}` },
        data: steps.map((s) => ({ name: s.label, value: s.value })),
        cursor: 'pointer',
      },
    ],
  };
}

export interface TrendSeries {
  code: string;
  label: string;
  unit: string;
  values: Array<number | null>;
}

/** Monthly (quarterly) trends: counts on the left axis, 亿元 on the right. */
export function trendSeries(rows: readonly KpiRow[], defs: readonly KpiDefinition[], codes: readonly string[]): { periods: string[]; series: TrendSeries[] } {
  const periods = rows.map((r) => r.period ?? r.groupLabel);
  const series = codes
    .map((code) => defs.find((d) => d.code === code))
    .filter((d): d is KpiDefinition => !!d)
    .map((d) => ({ code: d.code, label: d.label, unit: d.unit, values: rows.map((r) => r.kpis[d.code]?.value ?? null) }));
  return { periods, series };
}

export function trendOption(trend: { periods: string[]; series: TrendSeries[] }) {
  const units = [...new Set(trend.series.map((s) => s.unit))];
  return {
    color: PALETTE,
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trend.periods },
    // A grid needs a value axis even before the data comes (ECharts fails to draw an x axis alone).
    yAxis: units.length === 0 ? [{ type: 'value' }] : units.map((unit, i) => ({ type: 'value', name: unit, position: i === 0 ? 'left' : 'right', minInterval: unit === '个' ? 1 : undefined })),
    series: trend.series.map((s) => ({
      type: s.unit === '个' ? 'bar' : 'line',
      name: s.label,
      yAxisIndex: units.indexOf(s.unit),
      data: s.values,
      cursor: 'pointer',
      barMaxWidth: 24,
    })),
  };
}

export interface DoubleHalfGauge {
  departmentId: string;
  name: string;
  status: string;
  statusLabel: string;
  /** The last day the 双过半 figures count (30 June, or the day asked before it). */
  evaluatedTo: string;
  figures: Array<{ key: 'contractInvestment' | 'fundsInPlace'; actual: number; target: number | null; percent: number | null }>;
}

/** One gauge pair per department target: contract investment and funds in place against the year's target. */
export function doubleHalfGauges(items: readonly TargetProgress[]): DoubleHalfGauge[] {
  return items
    .filter((i) => i.target.scopeKind === 'department')
    .map((i) => ({
      departmentId: i.target.scopeId,
      name: i.target.scopeName,
      status: i.doubleHalf.status,
      statusLabel: i.doubleHalf.label,
      evaluatedTo: i.doubleHalf.evaluatedTo,
      figures: (['contractInvestment', 'fundsInPlace'] as const).map((key) => ({ key, ...i.doubleHalf[key] })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Two gauges from 0 to 100 % of the year's target, the 50 % line marked: below it amber, above it green.
 * A figure past 100 % leaves the pointer at the end, the number says how far.
 */
export function gaugeOption(gauge: DoubleHalfGauge, titles: Record<DoubleHalfGauge['figures'][number]['key'], string>) {
  return {
    series: gauge.figures.map((f, i) => ({
      type: 'gauge',
      // Half dials: the 0 and 100 ends sit on the base line, the figure inside the arc above it.
      center: [i === 0 ? '25%' : '75%', '72%'],
      radius: '88%',
      startAngle: 180,
      endAngle: 0,
      min: 0,
      max: 100,
      splitNumber: 4,
      axisLine: { lineStyle: { width: 10, color: [[0.5, '#faad14'], [1, '#52c41a']] } },
      axisTick: { show: false },
      splitLine: { length: 8, lineStyle: { width: 1 } },
      axisLabel: { distance: 14, fontSize: 10 },
      pointer: { width: 4, length: '60%' },
      title: { offsetCenter: [0, '22%'], fontSize: 12 },
      detail: { offsetCenter: [0, '-28%'], fontSize: 16, valueAnimation: false, formatter: (v: number) => (f.percent === null ? '—' : `${v}%`) },
      data: [{ value: f.percent ?? 0, name: titles[f.key] }],
    })),
  };
}

/** Horizontal bars of one leaderboard metric, rank 1 on top. */
export function leaderboardOption(board: Pick<Leaderboard, 'entries'>, metric: Pick<components['schemas']['LeaderboardMetricDto'], 'field' | 'label' | 'unit'>) {
  const shown = [...board.entries].reverse();
  const valueOf = (e: LeaderboardEntry): number => {
    const v = (e as unknown as Record<string, unknown>)[metric.field];
    return typeof v === 'number' ? v : ((v as { value: number | null } | undefined)?.value ?? 0);
  };
  return {
    color: [PALETTE[2]],
    grid: { left: BAR_LABEL_WIDTH, right: 48, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const e = shown[p.dataIndex];
        return `${e.rank}. ${escapeHtml(e.name)}<br/>${escapeHtml(metric.label)}：${formatKpi(valueOf(e), metric.unit)}`;
      },
    },
    xAxis: { type: 'value', name: metric.unit },
    yAxis: { type: 'category', data: shown.map((e) => `${e.rank}. ${e.name}`), axisLabel: { width: BAR_LABEL_WIDTH - 12, overflow: 'truncate' } },
    series: [{ type: 'bar', name: metric.label, data: shown.map(valueOf), barMaxWidth: 24, label: { show: true, position: 'right' }, cursor: 'pointer' }],
  };
}

/** The entry a click on the leaderboard hit (the chart draws them reversed). */
export function leaderboardEntryAt(board: Pick<Leaderboard, 'entries'>, dataIndex: number): LeaderboardEntry | undefined {
  return board.entries[board.entries.length - 1 - dataIndex];
}
