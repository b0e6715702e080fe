import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The reaper: one small detached Node process per parent, holding an IPC channel to it. When the
 * channel closes (the parent exited, crashed or was SIGKILLed: no handler of the parent runs then),
 * it signals every process group still registered, waits for their grace, SIGKILLs what is left
 * and removes the registered folders. So a killed `jest` or launcher leaves no server behind.
 * Its own process group and session: Ctrl-C in the terminal does not reach it.
 */
const REAPER_SOURCE = `
const { rmSync } = require('node:fs');
const groups = new Map();
const dirs = new Set();
process.on('message', (m) => {
  if (!m || typeof m !== 'object') return;
  if (m.op === 'guard') groups.set(m.pgid, { signal: m.signal, graceMs: m.graceMs, leaderOnly: m.leaderOnly });
  else if (m.op === 'release') groups.delete(m.pgid);
  else if (m.op === 'rmdir') dirs.add(m.path);
  else if (m.op === 'keepdir') dirs.delete(m.path);
});
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => undefined);
const alive = (pgid) => { try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
process.on('disconnect', () => {
  const started = Date.now();
  for (const [pgid, g] of groups) { try { process.kill(g.leaderOnly ? pgid : -pgid, g.signal); } catch {} }
  const tick = () => {
    const left = [...groups].filter(([pgid, g]) => alive(pgid) && Date.now() - started < g.graceMs);
    if (left.length) return void setTimeout(tick, 100);
    for (const pgid of groups.keys()) { try { process.kill(-pgid, 'SIGKILL'); } catch {} }
    setTimeout(() => {
      for (const d of dirs) { try { rmSync(d, { recursive: true, force: true }); } catch {} }
      process.exit(0);
    }, groups.size ? 300 : 0);
  };
  tick();
});
`;

let reaper: ChildProcess | null = null;

function ensureReaper(): ChildProcess | null {
  if (reaper?.connected) return reaper;
  try {
    const child = spawn(process.execPath, ['-e', REAPER_SOURCE], { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: { PATH: process.env.PATH ?? '' } });
    child.on('error', () => undefined);
    // Neither the process nor its channel keeps the parent alive.
    child.unref();
    child.channel?.unref();
    reaper = child;
    return child;
  } catch {
    return null;
  }
}

function send(message: Record<string, unknown>): void {
  const r = message.op === 'guard' || message.op === 'rmdir' ? ensureReaper() : reaper;
  if (!r?.connected) return;
  try {
    r.send(message, (err) => void err);
  } catch {
    // The reaper is gone; nothing to tell it.
  }
}

export interface GuardOptions {
  /** First signal when the parent is gone (default SIGTERM). */
  signal?: NodeJS.Signals;
  /** Then SIGKILL to the whole group after this long (default 5 s). */
  graceMs?: number;
  /** Send the first signal to the leader only (PostgreSQL: the postmaster stops its backends itself). */
  leaderOnly?: boolean;
}

/** Registers a process group (a child spawned `detached`, so its pgid is its pid) to stop if this process dies. */
export function guardProcessGroup(pgid: number, opts: GuardOptions = {}): void {
  send({ op: 'guard', pgid, signal: opts.signal ?? 'SIGTERM', graceMs: opts.graceMs ?? 5000, leaderOnly: opts.leaderOnly ?? false });
}

/** The group has exited (or was stopped by us): forget it. */
export function releaseProcessGroup(pgid: number): void {
  send({ op: 'release', pgid });
}

/** Removes `path` (recursively) should this process die before it removes it itself. */
export function removeOnOrphan(path: string): void {
  send({ op: 'rmdir', path });
}

export function keepOnOrphan(path: string): void {
  send({ op: 'keepdir', path });
}
