import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  ppid: number;
  /** utime + stime, and the same of its waited-for children (cutime + cstime), in ticks. */
  own: number;
  children: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces), from field 3 (state) on.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system) used so far, in ms, by a process and every descendant alive (PostgreSQL
 * is a postmaster and a backend per connection), plus what its exited children used (Linux /proc).
 * Null when the process is gone.
 */
export function processTreeCpuMs(rootPid: number | null | undefined): number | null {
  if (!rootPid) return null;
  const root = procStat(rootPid);
  if (!root) return null;
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (s) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), Number(name)]);
  }
  let ticks = root.own + root.children;
  const queue = [...(byParent.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const s = procStat(pid);
    if (s) ticks += s.own;
    queue.push(...(byParent.get(pid) ?? []));
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** This process's own CPU time so far, in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
