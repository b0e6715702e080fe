/**
 * The GET /kpis groupings the benchmarks time (npm run bench:kpi, npm run bench:scale): by
 * department, team, officer, chain, campaign, month and quarter, and one department's officers
 * (`departmentId`: an id the portfolio credits).
 */
export function kpiQueries(departmentId: string): string[] {
  return [
    'groupBy=department&from=2025-01-01&asOf=2026-06-30',
    'groupBy=team&from=2025-01-01&asOf=2026-06-30',
    'groupBy=officer&from=2025-01-01&asOf=2026-06-30',
    'groupBy=chain&asOf=2026-06-30',
    'groupBy=campaign&asOf=2026-06-30',
    'groupBy=period&period=month&from=2025-01-01&asOf=2026-06-30',
    'groupBy=department&period=quarter&from=2025-01-01&asOf=2026-06-30',
    `groupBy=officer&department=${encodeURIComponent(departmentId)}&asOf=2026-06-30`,
  ];
}
