import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { repoRoot } from '@zs/config';
import { recordedSlaAlerts, type Database } from '@zs/persistence';
import { signedDataConverter } from '@zs/temporal-codec';
import { buildWorkflowBundle } from '@zs/worker';
import type { HttpClient } from '../http-client';
import { pool } from '../stats';
import { liveLead, LIVE_CONCURRENCY } from './fill';
import { timerFloorWorkflow } from './timer-floor.workflow';

/** Issue 12: an overdue alert is recorded within 1 s of its deadline (p99). */
export const ALERT_LATENESS_TARGET_MS = 1000;
const INTAKE_POLICY = 'intake_decision';
/** The first escalation of the intake clock fires at the deadline itself (afterBreachHours 0). */
const AT_DEADLINE = 'escalation-1';

export interface LatenessSummary {
  n: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
}

function summarizeLateness(samples: number[], expected: number): LatenessSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  const r = (x: number) => Math.round(x);
  return { n: sorted.length, expected, p50: r(at(50)), p99: r(at(99)), max: r(sorted[sorted.length - 1] ?? NaN) };
}

interface PolicyView {
  key: string;
  duration: unknown;
  warnings: Array<Record<string, unknown>>;
  escalations: Array<Record<string, unknown>>;
}

const definitionOf = (p: PolicyView) => {
  const clean = (levels: Array<Record<string, unknown>>) => levels.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== null && v !== undefined)));
  return { duration: p.duration, warnings: clean(p.warnings), escalations: clean(p.escalations) };
};

export interface AlertBatchOptions {
  batch: number;
  /** How long after registration the batch's intake deadline falls. */
  deadlineAfterMs: number;
  /** Company-name salt of the batch (distinct from every fill's). */
  salt: number;
}

export interface AlertResults {
  engine: LatenessSummary;
  floor: LatenessSummary;
}

type Say = (message: string) => void;

/**
 * Overdue alerts at load: while the live projects run, a batch of new leads gets an intake clock
 * of a few minutes (a policy version set by the administrator over HTTP, put back right after
 * the batch is registered: running clocks keep the plan they started with), and a bare timer
 * workflow per lead sleeps to the same kind of instant on the same server (the floor). Lateness
 * = when the alert row was written (notifications.created_at) − the clock's deadline (sla_clocks).
 * The batch is rejected afterwards, so the number of live projects stays what was filled.
 */
export async function measureAlertLateness(
  db: Database,
  http: HttpClient,
  tokens: { officer: string; taskForce: string; admin: string },
  temporalAddress: string,
  opts: AlertBatchOptions,
  say: Say,
): Promise<AlertResults> {
  const policies = await http.json<PolicyView[]>('GET', '/sla/policies', undefined, tokens.admin);
  const current = policies.find((p) => p.key === INTAKE_POLICY);
  if (!current) throw new Error(`GET /sla/policies has no ${INTAKE_POLICY}`);
  const short = {
    ...definitionOf(current),
    duration: { unit: 'hours', hours: opts.deadlineAfterMs / 3_600_000 },
    reason: 'bench:scale: a short intake limit for one batch of leads, to time overdue alerts',
  };
  const restore = { ...definitionOf(current), reason: 'bench:scale: the intake limit as it was before the alert batch' };

  return withTimerFloor(temporalAddress, async (startFloor, floorWakes) => {
    await http.json('POST', `/sla/policies/${INTAKE_POLICY}/versions`, short, tokens.admin);
    const ids: string[] = [];
    const floorDue = new Map<string, number>();
    try {
      say(`alerts: registering ${opts.batch} leads whose intake deadline falls ${Math.round(opts.deadlineAfterMs / 1000)} s later, and as many bare timers (floor) ...`);
      await pool(opts.batch, LIVE_CONCURRENCY, async (i) => {
        const { id } = await http.json<{ id: string }>('POST', '/leads', liveLead(i, opts.salt), tokens.officer);
        ids.push(id);
        const wakeAt = Date.now() + opts.deadlineAfterMs;
        floorDue.set(await startFloor(wakeAt), wakeAt);
      });
    } finally {
      await http.json('POST', `/sla/policies/${INTAKE_POLICY}/versions`, restore, tokens.admin);
    }
    const lastDue = Math.max(...floorDue.values());
    const waitUntil = lastDue + 10_000;
    say(`alerts: waiting ${Math.round((waitUntil - Date.now()) / 1000)} s for the deadlines to pass ...`);
    await new Promise((r) => setTimeout(r, Math.max(0, waitUntil - Date.now())));
    let alerts = await recordedSlaAlerts(db, ids, INTAKE_POLICY, AT_DEADLINE);
    for (let waited = 0; alerts.length < ids.length && waited < 60_000; waited += 2000) {
      await new Promise((r) => setTimeout(r, 2000));
      alerts = await recordedSlaAlerts(db, ids, INTAKE_POLICY, AT_DEADLINE);
    }
    if (alerts.length < ids.length) say(`alerts: only ${alerts.length} of ${ids.length} alerts recorded a minute after the last deadline`);
    const floorLateness = [...floorWakes.entries()].filter(([id]) => floorDue.has(id)).map(([id, woke]) => woke - floorDue.get(id)!);

    say(`alerts: rejecting the batch (${ids.length}) so the live count stays as filled ...`);
    await pool(ids.length, 8, async (i) => {
      await http.json('POST', `/projects/${ids[i]}/intake-decision`, { action: 'reject', reason: 'bench:scale 告警批次结束' }, tokens.taskForce);
    });
    return {
      engine: summarizeLateness(
        alerts.map((a) => a.recordedAt - a.deadlineAt),
        ids.length,
      ),
      floor: summarizeLateness(floorLateness, floorDue.size),
    };
  });
}

/**
 * A worker and client of the bench's own (own task queue, own signing key) on the engine's
 * Temporal server, for the bare timers; `wakes` maps each timer's workflow id to when its
 * activity ran.
 */
async function withTimerFloor<T>(
  address: string,
  fn: (start: (wakeAt: number) => Promise<string>, wakes: Map<string, number>) => Promise<T>,
): Promise<T> {
  const taskQueue = `bench-timer-floor-${randomUUID()}`;
  const wakes = new Map<string, number>();
  const { code } = await buildWorkflowBundle(join(repoRoot(), 'apps/bench/src/scale/timer-floor.workflow.ts'));
  const nativeConnection = await NativeConnection.connect({ address });
  const dataConverter = signedDataConverter({ key: randomBytes(32), mode: 'enforce' });
  const activities = {
    recordWake: async (workflowId: string) => void wakes.set(workflowId, Date.now()),
  };
  const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: { code }, dataConverter, activities });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, dataConverter });
  const handles: Array<Promise<unknown>> = [];
  const start = async (wakeAt: number) => {
    const workflowId = `bench-timer-floor-${randomUUID()}`;
    const handle = await client.workflow.start(timerFloorWorkflow, { taskQueue, workflowId, args: [workflowId, wakeAt] });
    handles.push(handle.result());
    return workflowId;
  };
  try {
    return await worker.runUntil(async () => {
      const value = await fn(start, wakes);
      await Promise.all(handles);
      return value;
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}
