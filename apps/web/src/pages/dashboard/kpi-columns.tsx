import { Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatKpi, type KpiDefinition, type KpiRow } from './kpi-charts';

/** One table column per KPI of GET /kpis (or /kpis/city): its label with the formula on hover or focus, the figure with its unit. */
export function kpiDefinitionColumns(definitions: readonly KpiDefinition[]): ColumnsType<KpiRow> {
  return definitions.map((d) => ({
    key: d.code,
    title: (
      <Tooltip title={d.formula}>
        <span tabIndex={0} style={{ borderBottom: '1px dashed #bfbfbf', cursor: 'help' }}>
          {d.label}
        </span>
      </Tooltip>
    ),
    align: 'right' as const,
    width: 120,
    render: (_: unknown, row: KpiRow) => formatKpi(row.kpis[d.code]?.value, d.unit),
  }));
}
