import { BarChart, FunnelChart, GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';

// The parts of ECharts the dashboard draws with, and nothing else (EChart.tsx registers the renderer).
registerChartParts([BarChart, FunnelChart, GaugeChart, LineChart, GridComponent, LegendComponent, TooltipComponent]);
