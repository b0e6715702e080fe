export const KPI_PERIODS = ['month', 'quarter', 'year'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];
export const KPI_PERIOD_LABELS: Record<KpiPeriod, string> = { month: '月', quarter: '季度', year: '年' };

export interface PeriodBucket {
  /** 2026-03, 2026-Q1, 2026 */
  key: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The bucket a calendar date falls in. */
export function periodOf(date: string, period: KpiPeriod): PeriodBucket {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (period === 'year') return { key: String(year), from: `${year}-01-01`, to: `${year}-12-31` };
  if (period === 'quarter') {
    const q = Math.floor((month - 1) / 3) + 1;
    const first = (q - 1) * 3 + 1;
    return { key: `${year}-Q${q}`, from: `${year}-${pad(first)}-01`, to: lastDayOfMonth(year, first + 2) };
  }
  return { key: `${year}-${pad(month)}`, from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
}

/** Every bucket from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, period: KpiPeriod): PeriodBucket[] {
  const buckets: PeriodBucket[] = [];
  let bucket = periodOf(from, period);
  while (bucket.from <= to) {
    buckets.push(bucket);
    const next = new Date(Date.parse(`${bucket.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    bucket = periodOf(next, period);
  }
  return buckets;
}
