import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, loaded with the first workbook read or written (issue 12: it adds about 20 MB to the
 * API's resident memory, and only imports and exports use it).
 */
export function excel(): Promise<typeof ExcelJS> {
  return (loaded ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS));
}
