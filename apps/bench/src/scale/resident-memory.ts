import { readFileSync } from 'node:fs';
import type { EngineStack } from '@zs/local-stack';

/** Resident set size of a process in MB (VmRSS of /proc/<pid>/status; Linux), null if unreadable. */
export function residentMb(pid: number | null | undefined): number | null {
  if (!pid) return null;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return line ? Math.round(Number(line[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

export interface StackMemory {
  workerMb: number | null;
  apiMb: number | null;
}

/** The worker's and the API's resident memory now (the pids the supervisor's status names). */
export function stackMemory(stack: EngineStack): StackMemory {
  const { children } = stack.status();
  return { workerMb: residentMb(children.worker?.pid), apiMb: residentMb(children.api?.pid) };
}
