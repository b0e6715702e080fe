import type { HttpClient } from '../http-client';
import { kpiQueries } from '../kpi-queries';
import { summarize, timed } from '../stats';
import { archivedProject, type Organisation } from './archived-portfolio';

/** Issue 12's read targets at 100,000 projects / 10,000 live (p95, ms). */
export const READ_TARGETS = { tasks: 50, projects: 50, kpis: 200 } as const;

export interface ReadTiming {
  label: string;
  p50: number;
  p95: number;
  max: number;
  n: number;
  /** Rows the answer counted (total of a page, rows of a KPI table). */
  rows: number;
}

type Say = (message: string) => void;
const WARMUP = 5;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** p95 by nearest rank (stats.ts gives 50/90/99). */
function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]);
}

/** `samples` GETs one at a time after a warm-up: what one user waits, not what the server sustains. */
export async function timeGet(http: HttpClient, label: string, path: string, token: string, samples: number): Promise<ReadTiming> {
  for (let i = 0; i < WARMUP; i++) await http.json('GET', path, undefined, token);
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < samples; i++) {
    const [body, elapsed] = await timed(() => http.json<{ total?: number; rows?: unknown[] }>('GET', path, undefined, token));
    rows = body.total ?? body.rows?.length ?? 0;
    ms.push(elapsed);
  }
  const s = summarize(ms);
  return { label, p50: round1(s.p50), p95: p95(ms), max: round1(s.max), n: s.n, rows };
}

/**
 * GET /projects with each filter and sort the API has (apps/api/src/modules/projects/dto/
 * list-projects.query.ts), values chosen so each matches a realistic share of the portfolio.
 */
export function projectQueries(org: Organisation): Array<[string, string]> {
  const sample = archivedProject(6, org);
  const owner = sample.state.ownership!.owner!;
  const dept = org.departmentIds[1] ?? org.departmentIds[0];
  const namePart = sample.state.lead.companyName.slice(1, 4);
  return [
    ['no filter (newest first)', ''],
    ['stage=intake (the live ones)', 'stage=intake'],
    ['stage=completed,lost', 'stage=completed,lost'],
    ['overdue=true', 'overdue=true'],
    ['industryChain', `industryChain=${encodeURIComponent('生物医药及医疗器械')}`],
    ['infoGrade=A', 'infoGrade=A'],
    ['kind=expansion', 'kind=expansion'],
    ['sourceChannel', 'sourceChannel=resident_office'],
    ['registered in 2022', 'registeredFrom=2022-01-01&registeredTo=2022-12-31'],
    ['signed in 2023', 'signedFrom=2023-01-01&signedTo=2023-12-31'],
    ['band=ge10', 'band=ge10'],
    ['minYi=5&maxYi=20', 'minYi=5&maxYi=20'],
    ['fortune500=true', 'fortune500=true'],
    ['fortune500List=china', 'fortune500List=china'],
    ['specializedSme=true', 'specializedSme=true'],
    ['imported=true', 'imported=true'],
    ['departmentId', `departmentId=${dept}`],
    ['reporterDepartmentId', `reporterDepartmentId=${dept}`],
    ['ownerUserId', `ownerUserId=${owner.userId}`],
    ['reporterUserId', `reporterUserId=${owner.userId}`],
    ['teamId', `teamId=${owner.teamId}`],
    ['campaignId', `campaignId=${sample.state.ownership!.campaignId ?? '00000000-0000-4000-a000-000000000001'}`],
    ['q (3 characters of a name)', `q=${encodeURIComponent(namePart)}`],
    ['q (a whole name)', `q=${encodeURIComponent(sample.state.lead.companyName)}`],
    ['sort=companyName', 'sort=companyName'],
    ['sort=-investment', 'sort=-investment'],
    ['sort=signedOn', 'sort=signedOn'],
    ['page 200 of 20', 'page=200'],
    ['stage=intake&infoGrade=B&sort=-updatedAt', 'stage=intake&infoGrade=B&sort=-updatedAt'],
  ];
}

export interface ReadResults {
  floor: ReadTiming;
  tasks: ReadTiming[];
  projects: ReadTiming[];
  kpis: ReadTiming[];
}

export interface ReadTokens {
  officer: string;
  taskForce: string;
  leader: string;
}

/**
 * Every read issue 12 sizes, one request at a time, with the floor first: GET /auth/me, the
 * cheapest authenticated request (token check, one account read), on the same API in the same run.
 */
export async function measureReads(http: HttpClient, tokens: ReadTokens, org: Organisation, samples: { reads: number; kpis: number }, say: Say): Promise<ReadResults> {
  const run = async (label: string, path: string, token: string, n = samples.reads) => {
    const t = await timeGet(http, label, path, token, n);
    say(`  ${label.padEnd(44)} p50 ${String(t.p50).padStart(7)} ms  p95 ${String(t.p95).padStart(7)} ms  (${t.rows} rows)`);
    return t;
  };
  say(`floor: GET /auth/me, ${samples.reads} requests`);
  const floor = await run('GET /auth/me (floor)', '/auth/me', tokens.officer);
  say(`GET /tasks, ${samples.reads} requests each`);
  const tasks = [
    await run('task force: /tasks', '/tasks', tokens.taskForce),
    await run('task force: /tasks?overdue=false', '/tasks?overdue=false', tokens.taskForce),
    await run('task force: /tasks?stage=intake&page=100', '/tasks?stage=intake&page=100', tokens.taskForce),
    await run('officer: /tasks', '/tasks', tokens.officer),
  ];
  say(`GET /projects as the zone leadership, ${samples.reads} requests per filter`);
  const projects: ReadTiming[] = [];
  for (const [label, query] of projectQueries(org)) projects.push(await run(label, `/projects${query ? `?${query}` : ''}`, tokens.leader));
  say(`GET /kpis as the zone leadership, ${samples.kpis} requests per grouping`);
  const kpis: ReadTiming[] = [];
  for (const query of [...kpiQueries(org.departmentIds[1] ?? org.departmentIds[0]), 'groupBy=department&from=2019-01-01']) {
    kpis.push(await run(query, `/kpis?${query}`, tokens.leader, samples.kpis));
  }
  return { floor, tasks, projects, kpis };
}

/** The groupings timed after a change: a dashboard's first table and its monthly trend. */
export const KPI_AFTER_CHANGE_QUERIES = ['groupBy=department&from=2025-01-01&asOf=2026-06-30', 'groupBy=period&period=month&from=2025-01-01&asOf=2026-06-30'];

/**
 * GET /kpis with one project's facts rewritten before each request (`touch`): the API then reads
 * the changed row and computes the table again, which is what a leader waits for while staff work.
 * The repeated reads of measureReads are served from tables kept until the record changes.
 */
export async function measureKpisAfterChange(http: HttpClient, token: string, samples: number, touch: (i: number) => Promise<void>, say: Say): Promise<ReadTiming[]> {
  say(`GET /kpis after a change, ${samples} requests per grouping`);
  const timings: ReadTiming[] = [];
  for (const query of KPI_AFTER_CHANGE_QUERIES) {
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < samples; i++) {
      await touch(i);
      const [body, elapsed] = await timed(() => http.json<{ rows?: unknown[] }>('GET', `/kpis?${query}`, undefined, token));
      rows = body.rows?.length ?? 0;
      ms.push(elapsed);
    }
    const s = summarize(ms);
    const t = { label: `${query} (after a change)`, p50: round1(s.p50), p95: p95(ms), max: round1(s.max), n: s.n, rows };
    say(`  ${t.label.padEnd(44)} p50 ${String(t.p50).padStart(7)} ms  p95 ${String(t.p95).padStart(7)} ms  (${t.rows} rows)`);
    timings.push(t);
  }
  return timings;
}

export const worst = (timings: readonly ReadTiming[]): ReadTiming => timings.reduce((a, b) => (b.p95 > a.p95 ? b : a));
