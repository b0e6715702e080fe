import { loadavg } from 'node:os';

export interface SummaryRow {
  figure: string;
  value: number | null;
  floor: number | null;
  unit: string;
  /** At most this much passes. */
  target: number;
  /** Where the value comes from (which filter, which moment). */
  note?: string;
}

const show = (x: number | null, unit: string) => (x === null || Number.isNaN(x) ? '—' : `${x} ${unit}`);

export const verdict = (row: SummaryRow): 'PASS' | 'MISS' => (row.value !== null && !Number.isNaN(row.value) && row.value <= row.target ? 'PASS' : 'MISS');

/** The closing table: figure, value, floor measured in the same run, ratio, target, PASS/MISS; and the load. */
export function summaryTable(rows: readonly SummaryRow[]): string {
  const cells = rows.map((r) => [
    r.figure,
    show(r.value, r.unit),
    show(r.floor, r.unit),
    r.value !== null && r.floor ? `${Math.round((r.value / r.floor) * 10) / 10}×` : '—',
    `≤ ${r.target} ${r.unit}`,
    verdict(r),
    r.note ?? '',
  ]);
  const header = ['figure', 'value', 'floor', 'value/floor', 'target', '', 'where'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  const [one, five, fifteen] = loadavg().map((x) => Math.round(x * 100) / 100);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), '', `load average (1 / 5 / 15 min) at the end: ${one} / ${five} / ${fifteen}`].join('\n');
}
