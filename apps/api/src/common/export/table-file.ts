import { excel } from './excel';

/** A table for people: Chinese headers, then one line per row. */
export interface TableSheet {
  /** The worksheet's name (Excel: at most 31 characters, no []:*?/\). */
  name: string;
  headers: string[];
  body: Array<Array<string | number | null>>;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what would split a cell; a leading = + - @ is quoted with a ' so Excel never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 byte-order mark, so Excel opens the Chinese headers correctly. */
export function tableCsv({ headers, body }: Pick<TableSheet, 'headers' | 'body'>): Buffer {
  const lines = [headers, ...body].map((line) => line.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A workbook with one worksheet per table, headers in bold. */
export async function tablesXlsx(sheets: readonly TableSheet[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'zhaoshang';
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.headers).font = { bold: true };
    for (const line of table.body) sheet.addRow(line);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Content-Disposition for a download: an ASCII fallback name and the real (Chinese) one per RFC 5987. */
export function attachment(asciiName: string, name = asciiName): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
