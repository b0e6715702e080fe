import { readFile } from 'node:fs/promises';

/** One supervised process as GET /health shows it (from the launcher's status file). */
export interface SupervisedChildHealth {
  state: string;
  pid: number | null;
  /** Times the launcher started it again after it exited on its own. */
  restarts: number;
  /** Since when the current process runs; null while it is down. */
  since: string | null;
  lastExit: { code: number | null; signal: string | null; at: string } | null;
  /** While restarting: when the next attempt is due. */
  nextRestartAt: string | null;
}

export interface SupervisorHealth {
  /** starting, running, stopping, stopped; `unknown` when the status file cannot be read. */
  state: string;
  updatedAt: string | null;
  children: Record<string, SupervisedChildHealth>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * Reads the status file `npm start`'s launcher writes (SUPERVISOR_STATUS_FILE) and keeps only
 * the documented fields, so a malformed or foreign file never leaks into the response.
 */
export async function readSupervisorHealth(file: string): Promise<SupervisorHealth> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return { state: 'unknown', updatedAt: null, children: {} };
  }
  const doc = (raw ?? {}) as Record<string, unknown>;
  const children: Record<string, SupervisedChildHealth> = {};
  const entries = doc.children && typeof doc.children === 'object' ? Object.entries(doc.children as Record<string, unknown>) : [];
  for (const [name, value] of entries) {
    const c = (value ?? {}) as Record<string, unknown>;
    const exit = c.lastExit && typeof c.lastExit === 'object' ? (c.lastExit as Record<string, unknown>) : null;
    children[name] = {
      state: str(c.state) ?? 'unknown',
      pid: int(c.pid),
      restarts: int(c.restarts) ?? 0,
      since: str(c.since),
      lastExit: exit ? { code: int(exit.code), signal: str(exit.signal), at: str(exit.at) ?? '' } : null,
      nextRestartAt: str(c.nextRestartAt),
    };
  }
  return { state: str(doc.state) ?? 'unknown', updatedAt: str(doc.updatedAt), children };
}
