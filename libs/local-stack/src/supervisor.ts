import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { killAllProcesses, liveProcesses, type ExitInfo, type ManagedProcess } from './managed-process';

export type ChildState = 'running' | 'restarting' | 'stopping' | 'stopped';

/** What the status file says about one child (also what GET /health shows). */
export interface ChildStatus {
  state: ChildState;
  pid: number | null;
  /** Times it was started again after exiting on its own. */
  restarts: number;
  /** Since when the current process runs (null while it is down). */
  since: string | null;
  lastExit: { code: number | null; signal: string | null; at: string } | null;
  /** When the next attempt is due, while restarting. */
  nextRestartAt: string | null;
  /** Why the last restart attempt failed, if it did. */
  lastError: string | null;
}

export interface SupervisorStatus {
  pid: number;
  state: 'starting' | 'running' | 'stopping' | 'stopped';
  startedAt: string;
  updatedAt: string;
  children: Record<string, ChildStatus>;
}

export interface BackoffPolicy {
  /** Delay before the first restart (then doubled at each failure in a row). */
  initialMs: number;
  maxMs: number;
  /** A child that stayed up this long starts again from initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };

/** Delay before restart attempt number `failuresInARow` (1, 2, 3 …): initial × 2^(n−1), capped. */
export function restartDelayMs(failuresInARow: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, failuresInARow);
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(n - 1, 30));
}

export interface ChildSpec {
  name: string;
  /** Starts the process, resolving once it is ready (throwing if it cannot start). */
  start(): Promise<ManagedProcess>;
  /** How long stop() waits for it before SIGKILL. */
  stopGraceMs: number;
}

interface Child {
  spec: ChildSpec;
  proc: ManagedProcess | null;
  status: ChildStatus;
  failuresInARow: number;
  timer: NodeJS.Timeout | null;
  restarting: Promise<void> | null;
}

export interface SupervisorOptions {
  /** Written (atomically) at every change; read by the API's GET /health. */
  statusFile?: string;
  log?: (message: string) => void;
  backoff?: BackoffPolicy;
}

/**
 * Keeps children running: one that exits on its own is started again after an exponential
 * back-off (1 s doubling to 30 s, from 1 s again once it stayed up a minute), logged and counted
 * in the status file; the others are left alone. stop() stops them in a given order within a
 * deadline; kill() SIGKILLs every group at once.
 */
export class Supervisor {
  private readonly children = new Map<string, Child>();
  private readonly log: (message: string) => void;
  private readonly backoff: BackoffPolicy;
  private readonly startedAt = new Date().toISOString();
  private state: SupervisorStatus['state'] = 'starting';
  private stopping: Promise<void> | null = null;

  constructor(private readonly opts: SupervisorOptions = {}) {
    this.log = opts.log ?? (() => undefined);
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.write();
  }

  get isStopping(): boolean {
    return this.stopping !== null;
  }

  /** Starts a child (its first start must succeed: the error is thrown) and supervises it. */
  async add(spec: ChildSpec): Promise<ManagedProcess> {
    if (this.stopping) throw new StoppedError();
    const child: Child = {
      spec,
      proc: null,
      failuresInARow: 0,
      timer: null,
      restarting: null,
      status: { state: 'restarting', pid: null, restarts: 0, since: null, lastExit: null, nextRestartAt: null, lastError: null },
    };
    const proc = await spec.start();
    if (this.stopping) {
      await proc.stop(spec.stopGraceMs);
      throw new StoppedError();
    }
    this.children.set(spec.name, child);
    this.attach(child, proc);
    return proc;
  }

  /** The whole stack is up. */
  running(): void {
    if (this.stopping) return;
    this.state = 'running';
    this.write();
  }

  current(name: string): ManagedProcess | null {
    return this.children.get(name)?.proc ?? null;
  }

  status(): SupervisorStatus {
    return {
      pid: process.pid,
      state: this.state,
      startedAt: this.startedAt,
      updatedAt: new Date().toISOString(),
      children: Object.fromEntries([...this.children].map(([name, c]) => [name, { ...c.status }])),
    };
  }

  private attach(child: Child, proc: ManagedProcess): void {
    child.proc = proc;
    child.status = { ...child.status, state: 'running', pid: proc.pid, since: proc.startedAt.toISOString(), nextRestartAt: null };
    this.write();
    void proc.exited.then((info) => this.onExit(child, proc, info));
  }

  private onExit(child: Child, proc: ManagedProcess, info: ExitInfo): void {
    if (child.proc !== proc) return;
    child.proc = null;
    const at = new Date();
    child.status = { ...child.status, pid: null, since: null, lastExit: { code: info.code, signal: info.signal, at: at.toISOString() } };
    if (this.stopping) {
      child.status.state = 'stopped';
      this.write();
      return;
    }
    const upMs = at.getTime() - proc.startedAt.getTime();
    child.failuresInARow = upMs >= this.backoff.resetAfterMs ? 1 : child.failuresInARow + 1;
    this.log(`${child.spec.name} exited unexpectedly (${describeExit(info)}) after ${formatMs(upMs)}`);
    this.scheduleRestart(child);
  }

  private scheduleRestart(child: Child): void {
    const delay = restartDelayMs(child.failuresInARow, this.backoff);
    child.status = { ...child.status, state: 'restarting', nextRestartAt: new Date(Date.now() + delay).toISOString() };
    this.write();
    this.log(`restarting ${child.spec.name} in ${formatMs(delay)} (attempt ${child.failuresInARow} in a row)`);
    child.timer = setTimeout(() => {
      child.timer = null;
      child.restarting = this.restart(child).finally(() => (child.restarting = null));
    }, delay);
  }

  private async restart(child: Child): Promise<void> {
    if (this.stopping) return;
    let proc: ManagedProcess;
    try {
      proc = await child.spec.start();
    } catch (err) {
      if (this.stopping) return;
      child.failuresInARow += 1;
      child.status = { ...child.status, lastError: (err as Error).message.split('\n')[0] };
      this.log(`${child.spec.name} failed to restart: ${child.status.lastError}`);
      this.scheduleRestart(child);
      return;
    }
    if (this.stopping) {
      await proc.stop(child.spec.stopGraceMs);
      return;
    }
    child.status = { ...child.status, restarts: child.status.restarts + 1, lastError: null };
    this.attach(child, proc);
    this.log(`${child.spec.name} restarted (pid ${proc.pid}, restart ${child.status.restarts})`);
  }

  /**
   * Stops every child, `order` first (names; the rest in reverse start order), each with its
   * grace but all within `budgetMs`: what is still running then is SIGKILLed. No restarts from here on.
   */
  stop(order: string[] = [], budgetMs = 14_000): Promise<void> {
    this.stopping ??= this.doStop(order, budgetMs);
    return this.stopping;
  }

  private async doStop(order: string[], budgetMs: number): Promise<void> {
    const deadline = Date.now() + budgetMs;
    this.state = 'stopping';
    for (const child of this.children.values()) {
      if (child.timer) clearTimeout(child.timer);
      child.timer = null;
      child.status = { ...child.status, state: child.proc ? 'stopping' : 'stopped', nextRestartAt: null };
    }
    this.write();
    const names = [...order.filter((n) => this.children.has(n)), ...[...this.children.keys()].reverse().filter((n) => !order.includes(n))];
    for (const [i, name] of names.entries()) {
      const child = this.children.get(name)!;
      const leftForOthers = (names.length - i - 1) * 500;
      const grace = Math.max(200, Math.min(child.spec.stopGraceMs, deadline - Date.now() - leftForOthers));
      // A restart in flight finishes (and stops its process itself) or is cut short by the SIGKILL below.
      if (child.restarting) await Promise.race([child.restarting, sleep(Math.min(grace, 2000))]);
      const procs = liveProcesses().filter((p) => p.name === name);
      if (child.proc && !procs.includes(child.proc)) procs.push(child.proc);
      await Promise.all(procs.map((p) => p.stop(grace)));
      child.status = { ...child.status, state: 'stopped', pid: null, since: null };
      this.write();
    }
    // Anything else this process started (a server caught half-way through its start-up).
    await Promise.all(liveProcesses().map((p) => p.stop(Math.max(200, deadline - Date.now()))));
    this.state = 'stopped';
    this.write();
  }

  /** SIGKILL to every child's group (and anything else started here), at once. */
  kill(): void {
    this.stopping ??= Promise.resolve();
    for (const child of this.children.values()) {
      if (child.timer) clearTimeout(child.timer);
      child.proc?.kill();
    }
    killAllProcesses();
    this.state = 'stopped';
    for (const child of this.children.values()) child.status = { ...child.status, state: 'stopped', pid: null, since: null };
    this.write();
  }

  private write(): void {
    const file = this.opts.statusFile;
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.status(), null, 2) + '\n');
      renameSync(tmp, file);
    } catch (err) {
      this.log(`could not write ${file}: ${(err as Error).message}`);
    }
  }
}

export class StoppedError extends Error {
  constructor() {
    super('stopped while starting');
    this.name = 'StoppedError';
  }
}

export function describeExit(info: ExitInfo): string {
  return info.signal ? `signal ${info.signal}` : `exit code ${info.code}`;
}

function formatMs(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
