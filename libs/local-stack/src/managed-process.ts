import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { guardProcessGroup, releaseProcessGroup } from './orphan-reaper';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly startedAt: Date;
  /** Resolves once the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<ExitInfo>;
  /** Still running (no exit seen yet). */
  readonly running: boolean;
  /** How it ended, once it has. */
  readonly exitInfo: ExitInfo | null;
  /**
   * The stop signal (SIGTERM unless configured, e.g. SIGINT for PostgreSQL's fast shutdown) to the
   * process, SIGKILL to its whole group after `graceMs`; resolves when it is gone.
   */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the whole process group, now. */
  kill(): void;
}

export interface StartProcessOptions {
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Also copy its output to this process's stdout/stderr. */
  inheritOutput?: boolean;
  /** Run as this OS user (root only: PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** The polite signal of stop(); default SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** How long the orphan reaper waits after the stop signal before SIGKILL, should this process die first. */
  orphanGraceMs?: number;
}

const live = new Set<ManagedProcess>();

/** Every process started through startProcess that has not exited yet (for a last-resort stop). */
export function liveProcesses(): ManagedProcess[] {
  return [...live];
}

/** SIGKILLs the group of every live process started here, at once (a second Ctrl-C). */
export function killAllProcesses(): void {
  for (const p of live) p.kill();
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is empty already.
  }
}

/**
 * Spawns a long-running process in its own process group (`detached`), so Ctrl-C in the terminal
 * reaches only its parent, which stops children in order; output appended to `logFile`. The orphan
 * reaper stops the group should the parent die without stopping it.
 */
export function startProcess(name: string, command: string, args: string[], opts: StartProcessOptions): ManagedProcess {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  // A full disk must not take the launcher down with an unhandled stream error.
  log.on('error', () => undefined);
  const stopSignal = opts.stopSignal ?? 'SIGTERM';
  const child = spawn(command, args, {
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(opts.uid !== undefined ? { uid: opts.uid } : {}),
    ...(opts.gid !== undefined ? { gid: opts.gid } : {}),
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  if (opts.inheritOutput) {
    child.stdout?.pipe(process.stdout, { end: false });
    child.stderr?.pipe(process.stderr, { end: false });
  }
  const startedAt = new Date();
  let exit: ExitInfo | null = null;
  const exited = new Promise<ExitInfo>((resolve) => {
    const done = (info: ExitInfo) => {
      if (exit) return;
      exit = info;
      live.delete(handle);
      if (child.pid) {
        // Stragglers of the group (none for a well-behaved server) go with their leader.
        signalGroup(child.pid, 'SIGKILL');
        releaseProcessGroup(child.pid);
      }
      resolve(info);
    };
    child.once('exit', (code, signal) => done({ code, signal }));
    // A spawn failure (ENOENT, EACCES) emits 'error' and no 'exit'; so does a failed kill (ignored).
    child.on('error', (err) => {
      if (!log.writableEnded) log.write(`[${name}] ${child.pid === undefined ? `could not start ${command}: ` : ''}${err.message}\n`);
      if (child.pid === undefined) done({ code: null, signal: null });
    });
  });
  void exited.then(() => setTimeout(() => log.end(), 100));

  const handle: ManagedProcess = {
    name,
    child,
    pid: child.pid ?? -1,
    startedAt,
    exited,
    get running() {
      return exit === null;
    },
    get exitInfo() {
      return exit;
    },
    async stop(graceMs = 10_000) {
      if (exit) return;
      try {
        child.kill(stopSignal);
      } catch {
        // Gone between the check and the signal.
      }
      const timer = setTimeout(() => handle.kill(), graceMs);
      await exited;
      clearTimeout(timer);
    },
    kill() {
      if (exit || !child.pid) return;
      signalGroup(child.pid, 'SIGKILL');
    },
  };
  if (child.pid) {
    live.add(handle);
    guardProcessGroup(child.pid, { signal: stopSignal, graceMs: opts.orphanGraceMs ?? 5000, leaderOnly: true });
  }
  return handle;
}
