import { KPI_DEFINITIONS, KPI_GROUP_BY_LABELS, type KpiGroupBy, type KpiRow } from '@zs/domain';
import ExcelJS from 'exceljs';

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

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what would split a cell; a leading = + - @ is quoted with a ' so Excel never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 byte-order mark, so Excel opens the Chinese headers correctly. */
export function kpiCsv(groupBy: KpiGroupBy, rows: readonly KpiRow[]): Buffer {
  const { headers, body } = kpiSheet(groupBy, rows);
  const lines = [headers, ...body].map((line) => line.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function kpiXlsx(groupBy: KpiGroupBy, rows: readonly KpiRow[]): Promise<Buffer> {
  const { headers, body } = kpiSheet(groupBy, rows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'zhaoshang';
  const sheet = workbook.addWorksheet('KPI');
  sheet.addRow(headers).font = { bold: true };
  for (const line of body) sheet.addRow(line);
  const defs = workbook.addWorksheet('指标定义');
  defs.addRow(['代码', '指标', '单位', '计算规则']).font = { bold: true };
  for (const def of KPI_DEFINITIONS) defs.addRow([def.code, def.label, def.unit, def.formula]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
