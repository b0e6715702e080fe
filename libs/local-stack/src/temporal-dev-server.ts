import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { PROJECT_SEARCH_ATTRIBUTES } from '@zs/contracts';
import { resolveTemporalCli } from './binaries';
import { startProcess, type ManagedProcess } from './managed-process';
import { waitFor } from './ports';

export interface DevServerOptions {
  port: number;
  uiPort: number;
  /** Persist to this SQLite file; in-memory when absent. */
  dbFile?: string;
  logFile: string;
  headless?: boolean;
  readyTimeoutMs?: number;
  /** Namespaces to create besides `default` (each gets the search attributes). */
  namespaces?: string[];
}

export interface RunningDevServer {
  address: string;
  uiUrl: string | null;
  process: ManagedProcess;
}

const SA_TYPE_NAMES: Record<string, string> = { KEYWORD: 'Keyword', BOOL: 'Bool', TEXT: 'Text', INT: 'Int', DOUBLE: 'Double', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList' };

/** The search attributes as `start-dev` flags; registering again on restart is a no-op. */
export function searchAttributeFlags(): string[] {
  return PROJECT_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${SA_TYPE_NAMES[k.type]}`]);
}

/**
 * Starts `temporal server start-dev` and waits (with a budget that survives a loaded
 * 2-core machine) until the frontend answers, rather than the SDK's fixed wait.
 */
export async function startTemporalDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn', ...searchAttributeFlags()];
  // The projection activity a step schedules is handed back with the workflow task's answer
  // (eager dispatch) instead of a task-queue round trip: see README, "The trusted record".
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');
  if (opts.dbFile) {
    mkdirSync(dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=wal');
  }
  for (const namespace of opts.namespaces ?? []) args.push('--namespace', namespace);
  if (opts.headless) args.push('--headless');
  else args.push('--ui-port', String(opts.uiPort));
  const proc = startProcess('temporal', resolveTemporalCli(), args, { logFile: opts.logFile });
  const address = `127.0.0.1:${opts.port}`;
  try {
    await waitFor(
      'Temporal dev server',
      async () => {
        // Not another server answering on the port: this one must still be running.
        const exit = proc.exitInfo;
        if (exit) throw new Error(`Temporal dev server exited during start-up (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}; port ${opts.port} in use?)`);
        return temporalAnswers(address);
      },
      opts.readyTimeoutMs ?? 60_000,
    );
  } catch (err) {
    await proc.stop(2000);
    throw new Error(`${(err as Error).message}; see ${opts.logFile}`);
  }
  return { address, uiUrl: opts.headless ? null : `http://127.0.0.1:${opts.uiPort}`, process: proc };
}

export async function temporalAnswers(address: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.workflowService.getSystemInfo({});
    const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
    return Boolean(ns.namespaceInfo);
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}
