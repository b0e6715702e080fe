import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { stackEnv } from '../setup/stack-env';
import { auditCheckpointEnv } from './audit-checkpoint-env';
import { WORKER_PRELOAD } from '@zs/config';

const ROOT = resolve(__dirname, '../..');
const RUN_TS = join(ROOT, 'test/support/run-ts.cjs');
const WORKER_MAIN = join(ROOT, 'apps/worker/src/main.ts');

/** A worker (`apps/worker/src/main.ts`) running as its own OS process. */
export interface WorkerProcess {
  readonly pid: number;
  /** Where its stdout and stderr go (JSON log lines), for a failing test to point at. */
  readonly logFile: string;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown hooks, no drain, nothing flushed; as an OOM kill or a pulled plug. Resolves once it is gone. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Starts the worker from its TypeScript sources (`test/support/run-ts.cjs`, which compiles them
 * with jest's SWC options: no `npm run build` needed) against the test stack, and resolves once
 * it has connected to PostgreSQL and Temporal and is about to poll. `env` adds to or overrides
 * the worker's variables (SMTP, outbox timing…). Output goes to a log file in the stack's work directory.
 */
export async function startWorkerProcess(env: Record<string, string> = {}, opts: { readyTimeoutMs?: number; name?: string } = {}): Promise<WorkerProcess> {
  installExitHook();
  const logFile = join(stackEnv('workDir'), `${opts.name ?? 'worker'}-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  // Started as production starts it: with the stack-trace preload (apps/worker/preload).
  const child = spawn(process.execPath, ['--enable-source-maps', '--require', join(ROOT, WORKER_PRELOAD), RUN_TS, WORKER_MAIN], {
    cwd: ROOT,
    // Only what the worker reads, so nothing from the shell (an SMTP_HOST, a LOG_LEVEL) leaks in.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      NODE_ENV: 'test',
      // 'info': the worker announces readiness at that level ("worker started").
      LOG_LEVEL: 'info',
      DATABASE_URL: stackEnv('databaseUrl'),
      DATABASE_POOL_SIZE: '4',
      TEMPORAL_ADDRESS: stackEnv('temporalAddress'),
      TEMPORAL_NAMESPACE: stackEnv('temporalNamespace'),
      WORKFLOW_BUNDLE_PATH: stackEnv('workflowBundle'),
      TEMPORAL_PAYLOAD_KEY: stackEnv('payloadKey'),
      ...auditCheckpointEnv(env.DATABASE_URL ?? stackEnv('databaseUrl')),
      ...env,
    },
    // The IPC channel lets run-ts.cjs kill the worker if this test process dies first.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    }),
  );

  let output = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      output = (output + chunk.toString('utf8')).slice(-20_000);
      if (/"message":"worker started"/.test(output)) resolveReady();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    void exited.then(({ code, signal }) => reject(new Error(`worker process exited before it was ready (code ${code}, signal ${signal}); log ${logFile}:\n${output}`)));
  });
  void exited.then(() => log.end());

  const handle: WorkerProcess = {
    pid: child.pid!,
    logFile,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
  };
  const timeoutMs = opts.readyTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`worker process not ready after ${timeoutMs} ms; log ${logFile}:\n${output}`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    await handle.kill();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return handle;
}

/** SIGKILLs every worker process this test file started that is still running (for afterAll). */
export async function killAllWorkerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          process.kill(child.pid!, 'SIGKILL');
        }),
    ),
  );
}

/** Last resort: a test process that exits (even on an uncaught error) takes its workers with it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) {
      try {
        process.kill(child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}
