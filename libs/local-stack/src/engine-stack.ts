import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@zs/config';
import { runMigrations } from '@zs/persistence';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { startProcess, type ManagedProcess } from './managed-process';
import { freePort, portAcceptsConnections, waitFor } from './ports';
import { startTemporalDevServer } from './temporal-dev-server';

export interface EngineStackOptions {
  /** Where embedded services keep data and logs. */
  dataDir: string;
  /** Keep Temporal's and PostgreSQL's data across restarts (npm start) or not (bench). */
  persistent: boolean;
  /** External services; when absent the embedded ones are started. */
  temporalAddress?: string;
  databaseUrl?: string;
  temporalPort?: number;
  temporalUiPort?: number;
  postgresPort?: number;
  apiPort?: number;
  jwtSecret?: string;
  /** Runs after migrations, before worker and API start (e.g. seeding demo users). */
  afterMigrations?: (databaseUrl: string) => Promise<void>;
  /** Extra environment for worker and API (LOG_LEVEL, ...). */
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}

export interface EngineStack {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  databaseUrl: string;
  jwtSecret: string;
  /** Resolves if worker or API exits on its own (a crash), with its name. */
  unexpectedExit: Promise<string>;
  stop(): Promise<void>;
}

/** A development secret kept under the data folder, so tokens survive a restart. */
function devJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function ensurePortFree(port: number, what: string, envVar: string): Promise<void> {
  if (await portAcceptsConnections(port)) {
    throw new Error(`port ${port} for ${what} is already in use: stop the other process or set ${envVar}`);
  }
}

/**
 * The whole engine as separate processes, the way production runs it: Temporal and
 * PostgreSQL (embedded unless given), migrations, then worker and API from dist/.
 * Stops in reverse order: API, worker (drains its tasks), Temporal, PostgreSQL.
 */
export async function startEngineStack(opts: EngineStackOptions): Promise<EngineStack> {
  const log = opts.log ?? (() => undefined);
  const root = repoRoot();
  mkdirSync(opts.dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };

  try {
    let temporalAddress = opts.temporalAddress;
    let temporalUiUrl: string | null = null;
    if (!temporalAddress) {
      const port = opts.temporalPort ?? (await freePort());
      const uiPort = opts.temporalUiPort ?? (await freePort());
      await ensurePortFree(port, 'Temporal', 'TEMPORAL_PORT');
      await ensurePortFree(uiPort, 'the Temporal Web UI', 'TEMPORAL_UI_PORT');
      log(`starting Temporal dev server on 127.0.0.1:${port} ...`);
      const dev = await startTemporalDevServer({
        port,
        uiPort,
        dbFile: opts.persistent ? join(opts.dataDir, 'temporal/temporal.db') : undefined,
        logFile: join(opts.dataDir, 'logs/temporal.log'),
        readyTimeoutMs: 120_000,
      });
      stops.push(() => dev.process.stop(10_000));
      temporalAddress = dev.address;
      temporalUiUrl = dev.uiUrl;
    }

    let databaseUrl = opts.databaseUrl;
    if (!databaseUrl) {
      const port = opts.postgresPort ?? (await freePort());
      await ensurePortFree(port, 'PostgreSQL', 'POSTGRES_PORT');
      log(`starting embedded PostgreSQL on 127.0.0.1:${port} ...`);
      const pg: RunningPostgres = await startEmbeddedPostgres({ dataDir: join(opts.dataDir, 'postgres'), port, database: 'zhaoshang', persistent: opts.persistent });
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
    }

    const applied = await runMigrations(databaseUrl);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
    await opts.afterMigrations?.(databaseUrl);

    const jwtSecret = opts.jwtSecret ?? devJwtSecret(opts.dataDir);
    const apiPort = opts.apiPort ?? (await freePort());
    await ensurePortFree(apiPort, 'the API', 'API_PORT');
    const env = {
      ...process.env,
      ...opts.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      JWT_SECRET: jwtSecret,
      API_PORT: String(apiPort),
      API_HOST: opts.env?.API_HOST ?? '127.0.0.1',
      WORKFLOW_BUNDLE_PATH: join(root, 'dist/workflow-bundle.js'),
    };
    const worker: ManagedProcess = startProcess('worker', process.execPath, [join(root, 'dist/apps/worker/src/main.js')], {
      logFile: join(opts.dataDir, 'logs/worker.log'),
      env,
      inheritOutput: true,
    });
    stops.push(() => worker.stop(15_000));
    const api: ManagedProcess = startProcess('api', process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
      logFile: join(opts.dataDir, 'logs/api.log'),
      env,
      inheritOutput: true,
    });
    stops.push(() => api.stop(10_000));

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(
      'the API',
      async () => {
        if (api.child.exitCode !== null || worker.child.exitCode !== null) throw new Error('a process exited during start-up');
        try {
          return (await fetch(`${apiUrl}/health`)).ok;
        } catch {
          return false;
        }
      },
      120_000,
    );

    const unexpectedExit = new Promise<string>((resolve) => {
      worker.child.once('exit', () => resolve('worker'));
      api.child.once('exit', () => resolve('api'));
    });
    return { apiUrl, temporalAddress, temporalUiUrl, databaseUrl, jwtSecret, unexpectedExit, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
