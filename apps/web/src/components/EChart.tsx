import { init, use, type EChartsCoreOption, type EChartsType, type SetOptionOpts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * ECharts' `use` under a name React's rules of hooks do not take for a hook. Each chart module
 * registers the series and components it draws, once at module level
 * (`registerChartParts([BarChart, GridComponent, TooltipComponent])`, from echarts/charts and
 * echarts/components), so the bundle carries only what the console's charts need.
 */
export const registerChartParts = use;

// Every chart draws on canvas.
registerChartParts([CanvasRenderer]);

/** Chart events by name (`click`, `legendselectchanged`…), e.g. a click leading to the projects behind a bar. */
export type EChartEvents = Record<string, (params: unknown) => void>;

export interface EChartProps {
  option: EChartsCoreOption;
  /** Height of the chart (its width follows the container). */
  height?: number | string;
  /** Replace the previous option instead of merging into it (e.g. when series come and go). */
  notMerge?: boolean;
  onEvents?: EChartEvents;
  /** The chart's name for screen readers (ECharts' aria description is added when its AriaComponent is registered). */
  ariaLabel?: string;
  className?: string;
  style?: CSSProperties;
  testId?: string;
}

/**
 * One ECharts instance in a div: created on mount (in the console's language), resized with its
 * container, given each new option, disposed on unmount. What the option draws must be registered
 * first (registerChartParts).
 */
export function EChart({ option, height = 360, notMerge = false, onEvents, ariaLabel, className, style, testId }: EChartProps) {
  const { locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latestOption = useRef(option);
  latestOption.current = option;

  // Created again when the language changes (ECharts' own texts: tooltips, time axis, aria).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = init(el, undefined, { locale: locale === 'en' ? 'EN' : 'ZH' });
    instance.setOption(latestOption.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    const opts: SetOptionOpts = { notMerge, lazyUpdate: true };
    chart.current?.setOption(option, opts);
  }, [option, notMerge]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onEvents) return;
    const entries = Object.entries(onEvents);
    for (const [name, handler] of entries) instance.on(name, handler);
    return () => {
      for (const [name, handler] of entries) instance.off(name, handler);
    };
  }, [onEvents, locale]);

  return <div ref={container} className={className} style={{ width: '100%', height, ...style }} role={ariaLabel ? 'img' : undefined} aria-label={ariaLabel} data-testid={testId} />;
}
