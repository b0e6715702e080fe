import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excel } from '../../common/export/excel';
import { ERROR_CODES, MAX_IMPORT_ROWS, localized, type Localized } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';
import { keyOfHeader, TEMPLATE_HEADERS, TEMPLATE_KEYS, TEMPLATE_NOTES, templateExample } from './import-columns';

/** An uploaded file's rows: the 1-based row number (header excluded) and each cell as text, by row key. */
export interface FileRow {
  row: number;
  cells: Record<string, string>;
}

export type ImportFileFormat = 'csv' | 'xlsx';

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** By content (an XLSX is a ZIP), then by name: a CSV saved with an odd extension still reads. */
export function formatOf(fileName: string, content: Buffer): ImportFileFormat {
  if (content.subarray(0, 4).equals(XLSX_MAGIC)) return 'xlsx';
  if (/\.xlsx?$/i.test(fileName)) {
    throw badFile(localized('文件不是有效的XLSX工作簿（仅支持.xlsx或.csv）', 'the file is not a valid XLSX workbook (.xlsx or .csv only)'));
  }
  return 'csv';
}

function badFile(message: Localized): ApiException {
  return new ApiException(ERROR_CODES.VALIDATION_FAILED, localized(`导入文件有误：${message.zh}`, `the import file is wrong: ${message.en}`), [{ field: 'file', message }]);
}

/** Header cells → row keys; any unknown or repeated column is refused by name. */
function keysOf(headers: string[]): string[] {
  const keys = headers.map((h) => keyOfHeader(h));
  const unknown = headers.filter((h, i) => h.trim() !== '' && keys[i] === null);
  if (unknown.length > 0) throw badFile(localized(`未知的列：${unknown.join('、')}（请使用导入模板的列名）`, `unknown columns: ${unknown.join(', ')} (use the template's column names)`));
  const seen = new Set<string>();
  for (const k of keys) {
    if (k && seen.has(k)) throw badFile(localized(`列重复：${headers[keys.indexOf(k)]}`, `column repeated: ${headers[keys.indexOf(k)]}`));
    if (k) seen.add(k);
  }
  if (!seen.has('companyName') || !seen.has('stage')) throw badFile(localized('缺少表头：第一行应为列名（至少包含“企业名称”与“当前阶段”）', 'no header: the first row must name the columns (企业名称 and 当前阶段 at least)'));
  return keys.map((k) => k ?? '');
}

function rowsFrom(table: string[][]): FileRow[] {
  const [headers, ...body] = table;
  if (!headers) throw badFile(localized('文件为空', 'the file is empty'));
  const keys = keysOf(headers);
  const rows = body
    .map((cells, i) => ({ row: i + 1, cells: Object.fromEntries(keys.flatMap((k, j) => (k ? [[k, (cells[j] ?? '').trim()]] : []))) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  if (rows.length === 0) throw badFile(localized('文件没有数据行', 'the file has no data rows'));
  if (rows.length > MAX_IMPORT_ROWS) throw badFile(localized(`一次最多导入${MAX_IMPORT_ROWS}行（收到${rows.length}行）`, `at most ${MAX_IMPORT_ROWS} rows at once (got ${rows.length})`));
  return rows;
}

function csvTable(content: Buffer): string[][] {
  try {
    return parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw badFile(localized(`CSV无法解析：${parseError(err)}`, `the CSV cannot be parsed: ${parseError(err)}`));
  }
}

/** A cell as text: dates as YYYY-MM-DD (Excel stores date cells as UTC midnights), formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function xlsxTable(content: Buffer): Promise<string[][]> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badFile(localized('XLSX无法解析', 'the XLSX cannot be parsed'));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile(localized('工作簿没有工作表', 'the workbook has no sheet'));
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    table[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

/** The rows of an uploaded CSV (UTF-8, with or without BOM) or XLSX (first sheet). */
export async function readImportFile(fileName: string, content: Buffer): Promise<FileRow[]> {
  return rowsFrom(formatOf(fileName, content) === 'xlsx' ? await xlsxTable(content) : csvTable(content));
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template: the header row and one example row (CSV with a BOM so Excel reads it as UTF-8; XLSX with a notes sheet). */
export async function importTemplate(format: ImportFileFormat): Promise<Buffer> {
  const example = templateExample();
  const values = TEMPLATE_KEYS.map((k) => example[k] ?? '');
  if (format === 'csv') return Buffer.from(`\uFEFF${TEMPLATE_HEADERS.map(csvCell).join(',')}\r\n${values.map(csvCell).join(',')}\r\n`, 'utf8');
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet('项目导入');
  sheet.addRow(TEMPLATE_HEADERS).font = { bold: true };
  sheet.addRow(values);
  sheet.columns.forEach((c) => (c.width = 16));
  const notes = workbook.addWorksheet('填写说明');
  TEMPLATE_NOTES.forEach((n) => notes.addRow([n]));
  notes.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function parseError(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 200) : String(err);
}
