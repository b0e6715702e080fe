import { computeKpiTable } from '@zs/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { kpiCsv, kpiSheet, kpiXlsx } from './kpi-export';

const rows = computeKpiTable([], [], { groupBy: 'period', period: 'quarter', from: '2026-01-01', asOf: '2026-06-30' });

describe('KPI export', () => {
  it('CSV: a UTF-8 BOM, Chinese headers, empty cells for null figures', () => {
    const bytes = kpiCsv('period', rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, q1, q2] = parse(bytes.toString('utf8').slice(1)) as string[][];
    expect(header.slice(0, 6)).toEqual(['期间', '分组编号', '期间', '起始日', '截止日', '项目数']);
    expect(header).toContain('履约率（%）');
    expect(q1.slice(0, 5)).toEqual(['2026-Q1', '2026-Q1', '2026-Q1', '2026-01-01', '2026-03-31']);
    expect(q2[header.indexOf('履约率（%）')]).toBe('');
    expect(q2[header.indexOf('签约项目数（个）')]).toBe('0');
  });

  it('CSV cells that look like formulas are neutralised', () => {
    const evil = [{ ...rows[0], groupLabel: '=HYPERLINK("x")' }];
    const [, line] = parse(kpiCsv('period', evil).toString('utf8').slice(1)) as string[][];
    expect(line[0]).toBe(`'=HYPERLINK("x")`);
  });

  it('XLSX: the same table plus the definitions sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await kpiXlsx('period', rows)) as never);
    const sheet = workbook.getWorksheet('KPI')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(kpiSheet('period', rows).headers);
    expect(sheet.getRow(3).getCell(1).value).toBe('2026-Q2');
    expect(workbook.getWorksheet('指标定义')!.getRow(2).getCell(2).value).toBe('48小时决策合规率');
  });
});
