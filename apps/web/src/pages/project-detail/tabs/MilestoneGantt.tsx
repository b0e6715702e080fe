import { Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { CustomChart, type CustomSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { format, graphic, type ComposeOption } from 'echarts/core';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import { useMemo } from 'react';
import { EChart, registerChartParts } from '../../../components/EChart';
import { useI18n } from '../../../i18n/I18nProvider';
import { ganttBars, ganttRange, type GanttBar, type MilestoneRow, type NodeState } from './milestone-plan';

registerChartParts([CustomChart, GridComponent, TooltipComponent, MarkLineComponent, AriaComponent]);

type GanttOption = ComposeOption<CustomSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption>;

/** The colours of the Gantt bars (and of its legend). */
export const GANTT_COLORS: Record<'plan' | NodeState, string> = {
  plan: '#91caff',
  done_on_time: '#52c41a',
  done_late: '#fa8c16',
  overdue: '#f5222d',
  open: '#91caff',
};

const ROW_HEIGHT = 44;
const dayStart = (day: string) => dayjs(day).valueOf();
/** A bar covers its last day whole: it ends at the next midnight. */
const dayEnd = (day: string) => dayjs(day).add(1, 'day').valueOf();

/**
 * The milestone plan as a Gantt chart (ECharts custom series): per node its planned window (upper
 * bar) and what happened (lower bar: done on time, done late, or overdue up to today), with a
 * line at today.
 */
export function MilestoneGantt({ rows, planStart, today }: { rows: readonly MilestoneRow[]; planStart: string; today: string }) {
  const { t } = useI18n();
  const option = useMemo<GanttOption>(() => {
    const bars = ganttBars(rows, planStart, today);
    const range = ganttRange(bars, today);
    const tooltipOf = (bar: GanttBar): string => {
      const r = rows[bar.row];
      const detail =
        bar.track === 'plan'
          ? t('projectTabs.gantt.planned', { from: bar.start, to: bar.end })
          : bar.state === 'overdue'
            ? t('projectTabs.gantt.overdueDays', { days: r.daysLate })
            : t('projectTabs.gantt.completedOn', { date: bar.end });
      return `<b>${format.encodeHTML(r.label)}</b><br/>${format.encodeHTML(detail)}`;
    };
    return {
      aria: { enabled: true },
      animation: false,
      grid: { left: 110, right: 24, top: 28, bottom: 32 },
      tooltip: { trigger: 'item', formatter: (p: unknown) => tooltipOf(bars[(p as { dataIndex: number }).dataIndex]) },
      xAxis: { type: 'time', min: dayStart(range.from), max: dayEnd(range.to), position: 'top', splitLine: { show: true, lineStyle: { color: '#f0f0f0' } } },
      yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true, axisTick: { show: false }, axisLabel: { width: 96, overflow: 'truncate' } },
      series: [
        {
          type: 'custom',
          name: t('projectTabs.gantt.title'),
          encode: { x: [1, 2], y: 0 },
          data: bars.map((b) => [b.row, dayStart(b.start), dayEnd(b.end), b.track === 'plan' ? 0 : 1]),
          renderItem: (params, api) => {
            const bar = bars[params.dataIndex];
            const from = api.coord([api.value(1), api.value(0)]);
            const to = api.coord([api.value(2), api.value(0)]);
            const band = (api.size?.([0, 1]) as number[])[1];
            const height = band * 0.3;
            const y = from[1] + (bar.track === 'plan' ? -height - 1 : 1);
            const system = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
            const shape = graphic.clipRectByRect({ x: from[0], y, width: Math.max(to[0] - from[0], 2), height }, { x: system.x, y: system.y, width: system.width, height: system.height });
            return shape ? { type: 'rect', shape, style: { fill: bar.track === 'plan' ? GANTT_COLORS.plan : GANTT_COLORS[bar.state] } } : null;
          },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 },
            label: { formatter: t('projectTabs.gantt.today'), position: 'end' },
            data: [{ xAxis: dayStart(today) + 12 * 60 * 60 * 1000 }],
          },
        },
      ],
    };
  }, [rows, planStart, today, t]);

  return (
    <div>
      <EChart option={option} notMerge height={rows.length * ROW_HEIGHT + 64} ariaLabel={t('projectTabs.gantt.title')} testId="milestone-gantt" />
      <Space wrap size={16} aria-hidden>
        {(['plan', 'done_on_time', 'done_late', 'overdue'] as const).map((key) => (
          <Space key={key} size={6}>
            <span style={{ display: 'inline-block', width: 14, height: 10, background: GANTT_COLORS[key] }} />
            <Typography.Text type="secondary">{t(`projectTabs.gantt.legend.${key}` as const)}</Typography.Text>
          </Space>
        ))}
      </Space>
    </div>
  );
}
