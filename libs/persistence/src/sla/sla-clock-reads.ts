// Reads of the SLA read model (sla_clocks), written by the workflows' record*Event activities.
import type { ClockName, PolicyKey, Stage } from '@zs/domain';
import type { Queryable } from '../database';

/** An open clock as the daily digest lists it. */
export interface DigestClock {
  department: string;
  subject: string;
  clock: ClockName;
  deadlineAt: Date;
}

/** Running clocks (not stopped, not paused) whose deadline is at or before `by`, earliest first. */
export async function runningClocksDueBy(db: Queryable, by: Date): Promise<DigestClock[]> {
  const rows: Array<{ department: string; subject: string; clock: ClockName; deadline_at: Date }> = await db.query(
    `SELECT department, subject, clock, deadline_at FROM sla_clocks
      WHERE stopped_at IS NULL AND paused_at IS NULL AND deadline_at <= $1 ORDER BY deadline_at`,
    [by],
  );
  return rows.map((r) => ({ department: r.department, subject: r.subject, clock: r.clock, deadlineAt: r.deadline_at }));
}

/** One clock instance of the read model (a service request's clock restarts as a new instance). */
export interface SlaClockRow {
  id: string;
  projectId: string;
  requestId: string | null;
  companyName: string;
  subject: string;
  clock: ClockName;
  policyKey: PolicyKey | null;
  policyVersion: number | null;
  department: string;
  stage: Stage;
  startedAt: Date;
  deadlineAt: Date;
  pausedAt: Date | null;
  pausedMs: number;
  stoppedAt: Date | null;
  breachedAt: Date | null;
  status: string;
  fired: string[];
  /** The highest escalation level fired (`escalation-N`), 0 before the first. */
  escalationLevel: number;
}

/** Deadlines after `after` (exclusive; null for no lower bound) and at or before `by`. */
export interface DeadlineWindow {
  after: Date | null;
  by: Date;
}

export interface RunningClockFilter {
  department?: string;
  stage?: Stage;
  policyKey?: PolicyKey;
  clock?: ClockName;
  /** Clocks whose highest fired escalation level is this one (0: none fired yet). */
  escalationLevel?: number;
}

/**
 * A clock's escalation level: the highest N of the `escalation-N` thresholds it has fired (clock-plan.ts
 * names them), 0 before the first. Computed in SQL so the 督办 views can filter and count by it.
 */
const ESCALATION_LEVEL_SQL = `(SELECT coalesce(max(substring(k from '^escalation-([0-9]+)$')::int), 0) FROM unnest(fired) AS k)`;

/** The WHERE conditions (and their parameters) of running clocks in a deadline window, filtered. */
function runningClockWhere(window: DeadlineWindow, filter: RunningClockFilter): { filters: string[]; params: unknown[] } {
  const params: unknown[] = window.after === null ? [window.by] : [window.after, window.by];
  const filters: string[] = [`stopped_at IS NULL`, `paused_at IS NULL`, window.after === null ? `deadline_at <= $1` : `deadline_at > $1 AND deadline_at <= $2`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    filters.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.department) add('department = ?', filter.department);
  if (filter.stage) add('stage = ?', filter.stage);
  if (filter.policyKey) add('policy_key = ?', filter.policyKey);
  if (filter.clock) add('clock = ?', filter.clock);
  if (filter.escalationLevel !== undefined) add(`${ESCALATION_LEVEL_SQL} = ?`, filter.escalationLevel);
  return { filters, params };
}

/**
 * Running clocks across projects with a deadline in the window, earliest first. A paused clock is
 * neither overdue nor due: its deadline moves for as long as it waits.
 */
export async function runningClockPage(
  db: Queryable,
  window: DeadlineWindow,
  filter: RunningClockFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: SlaClockRow[]; total: number }> {
  const { filters, params } = runningClockWhere(window, filter);
  params.push(pageSize, (page - 1) * pageSize);
  const rows: Array<ClockColumns & { total: string }> = await db.query(
    `SELECT *, ${ESCALATION_LEVEL_SQL} AS escalation_level, count(*) OVER () AS total FROM sla_clocks WHERE ${filters.join(' AND ')}
     ORDER BY deadline_at, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  // A page past the end has no row to carry the window count: count apart.
  const total = rows[0] ? Number(rows[0].total) : await countClocks(db, filters, params.slice(0, -2));
  return { rows: rows.map(toClock), total };
}

/** How many running clocks in the window each department has at each escalation level (督办 matrix). */
export interface ClockCountCell {
  department: string;
  escalationLevel: number;
  count: number;
}

export async function runningClockCounts(
  db: Queryable,
  window: DeadlineWindow,
  filter: Omit<RunningClockFilter, 'department' | 'escalationLevel'>,
): Promise<ClockCountCell[]> {
  const { filters, params } = runningClockWhere(window, filter);
  const rows: Array<{ department: string; escalation_level: number; n: string }> = await db.query(
    `SELECT department, ${ESCALATION_LEVEL_SQL} AS escalation_level, count(*) AS n FROM sla_clocks WHERE ${filters.join(' AND ')}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  return rows.map((r) => ({ department: r.department, escalationLevel: Number(r.escalation_level), count: Number(r.n) }));
}

/** Every clock instance of a project and its service requests, in the order they started. */
export async function projectClocks(db: Queryable, projectId: string): Promise<SlaClockRow[]> {
  const rows: ClockColumns[] = await db.query(`SELECT *, ${ESCALATION_LEVEL_SQL} AS escalation_level FROM sla_clocks WHERE project_id = $1 ORDER BY started_at`, [projectId]);
  return rows.map(toClock);
}

async function countClocks(db: Queryable, filters: string[], params: unknown[]): Promise<number> {
  const [{ n }]: { n: string }[] = await db.query(`SELECT count(*) AS n FROM sla_clocks WHERE ${filters.join(' AND ')}`, params);
  return Number(n);
}

interface ClockColumns {
  id: string;
  project_id: string;
  request_id: string | null;
  company_name: string;
  subject: string;
  clock: ClockName;
  policy_key: PolicyKey | null;
  policy_version: number | null;
  department: string;
  stage: Stage;
  started_at: Date;
  deadline_at: Date;
  paused_at: Date | null;
  /** bigint: node-postgres answers it as a string. */
  paused_ms: string;
  stopped_at: Date | null;
  breached_at: Date | null;
  status: string;
  fired: string[];
  escalation_level: number;
}

function toClock(r: ClockColumns): SlaClockRow {
  return {
    id: r.id,
    projectId: r.project_id,
    requestId: r.request_id,
    companyName: r.company_name,
    subject: r.subject,
    clock: r.clock,
    policyKey: r.policy_key,
    policyVersion: r.policy_version,
    department: r.department,
    stage: r.stage,
    startedAt: r.started_at,
    deadlineAt: r.deadline_at,
    pausedAt: r.paused_at,
    pausedMs: Number(r.paused_ms),
    stoppedAt: r.stopped_at,
    breachedAt: r.breached_at,
    status: r.status,
    fired: r.fired,
    escalationLevel: Number(r.escalation_level),
  };
}
