import { KPI_DEFINITIONS, KPI_GROUP_BY_LABELS, type KpiGroupBy, type KpiRow } from '@zs/domain';
import { tableCsv, tablesXlsx } from '../../common/export/table-file';

/**
 * The KPI table as a sheet: Chinese headers, one row per group (and period). Rates also give their
 * numerator and denominator so a reader can check each figure.
 */
export function kpiSheet(groupBy: KpiGroupBy, rows: readonly KpiRow[]): { headers: string[]; body: Array<Array<string | number | null>> } {
  const headers = [KPI_GROUP_BY_LABELS[groupBy], '分组编号', '期间', '起始日', '截止日', '项目数'];
  for (const def of KPI_DEFINITIONS) {
    headers.push(`${def.label}（${def.unit}）`);
    if (def.unit === '%' || def.unit === '天') headers.push(`${def.label}（分子）`, `${def.label}（分母）`);
  }
  const body = rows.map((row) => {
    const line: Array<string | number | null> = [row.groupLabel, row.group ?? '', row.period ?? '', row.from ?? '', row.to, row.projectCount];
    for (const def of KPI_DEFINITIONS) {
      const v = row.kpis[def.code];
      line.push(v?.value ?? null);
      if (def.unit === '%' || def.unit === '天') line.push(v?.numerator ?? null, v?.denominator ?? null);
    }
    return line;
  });
  return { headers, body };
}

/** CSV with a UTF-8 byte-order mark, so Excel opens the Chinese headers correctly. */
export function kpiCsv(groupBy: KpiGroupBy, rows: readonly KpiRow[]): Buffer {
  return tableCsv(kpiSheet(groupBy, rows));
}

export async function kpiXlsx(groupBy: KpiGroupBy, rows: readonly KpiRow[]): Promise<Buffer> {
  const definitions = KPI_DEFINITIONS.map((def) => [def.code, def.label, def.unit, def.formula]);
  return tablesXlsx([
    { name: 'KPI', ...kpiSheet(groupBy, rows) },
    { name: '指标定义', headers: ['代码', '指标', '单位', '计算规则'], body: definitions },
  ]);
}
