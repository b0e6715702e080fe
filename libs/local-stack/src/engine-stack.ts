import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configuredZones, EMBEDDED_DATABASE_ROLES_FILE, readEmbeddedRolePasswords, repoRoot, WORKER_PRELOAD, type EmbeddedRolePasswords } from '@zs/config';
import { DATABASE_ROLES, ensureCheckpointKeyPair, provisionLoginRoles, runMigrations } from '@zs/persistence';
import { prepareEmbeddedPostgres } from './embedded-postgres';
import { startProcess, type ManagedProcess } from './managed-process';
import { ensureDevPayloadSigning } from './payload-signing';
import { freePort, portAcceptsConnections, waitFor } from './ports';
import { StoppedError, Supervisor, type BackoffPolicy, type SupervisorStatus } from './supervisor';
import { startTemporalDevServer } from './temporal-dev-server';

export interface EngineStackOptions {
  /** Where embedded services keep data and logs. */
  dataDir: string;
  /** Keep Temporal's and PostgreSQL's data across restarts (npm start) or not (bench). */
  persistent: boolean;
  /** External services; when absent the embedded ones are started. */
  temporalAddress?: string;
  databaseUrl?: string;
  /** With an external databaseUrl (the app role's): the superuser URL migrations run with (default: databaseUrl). */
  migrationDatabaseUrl?: string;
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
  /** Restart back-off of crashed children (default 1 s doubling to 30 s, reset after a minute up). */
  backoff?: BackoffPolicy;
}

export interface EngineStack {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  /** What the worker and API connect with: zs_app on the embedded database (README "Database roles"). */
  databaseUrl: string;
  /** The read-only zs_auditor's URL on the embedded database (null with an external one). */
  auditorDatabaseUrl: string | null;
  jwtSecret: string;
  /** Where the supervisor's status is written (also given to the API as SUPERVISOR_STATUS_FILE). */
  statusFile: string;
  status(): SupervisorStatus;
  /** API, worker (drains), Temporal, PostgreSQL, in that order, within `budgetMs` in all. */
  stop(budgetMs?: number): Promise<void>;
  /** SIGKILL to every child's process group, at once. */
  kill(): void;
}

/** Names of the supervised children, which are also their process names. */
export const STACK_CHILDREN = { temporal: 'temporal', postgres: 'postgres', worker: 'worker', api: 'api' } as const;
const STOP_ORDER = [STACK_CHILDREN.api, STACK_CHILDREN.worker, STACK_CHILDREN.temporal, STACK_CHILDREN.postgres];
export const STATUS_FILE_ENV = 'SUPERVISOR_STATUS_FILE';

/** A development secret kept under the data folder, so tokens survive a restart. */
/**
 * The audit checkpoints' key pair and file in the data folder (made once), unless the
 * environment names its own: the worker signs with the private key, the API verifies.
 */
function auditCheckpointEnv(dataDir: string): NodeJS.ProcessEnv {
  const keys = ensureCheckpointKeyPair(join(dataDir, 'keys'));
  return {
    AUDIT_CHECKPOINT_PRIVATE_KEY_FILE: process.env.AUDIT_CHECKPOINT_PRIVATE_KEY_FILE || keys.privateKeyFile,
    AUDIT_CHECKPOINT_PUBLIC_KEY_FILE: process.env.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE || keys.publicKeyFile,
    AUDIT_CHECKPOINT_FILE: process.env.AUDIT_CHECKPOINT_FILE || join(dataDir, 'audit', 'checkpoints.jsonl'),
  };
}

/**
 * The passwords of zs_app and zs_auditor on the embedded database: generated once (rather than
 * fixed dev passwords, which anyone on the machine would know) and kept with the JWT secret in the
 * data folder, mode 0600, so a restart (and `npm run audit:reconcile`) finds them again.
 */
function embeddedRolePasswords(dataDir: string): EmbeddedRolePasswords {
  const existing = readEmbeddedRolePasswords(dataDir);
  if (existing) return existing;
  const passwords = { app: randomBytes(24).toString('base64url'), auditor: randomBytes(24).toString('base64url') };
  writeFileSync(join(dataDir, EMBEDDED_DATABASE_ROLES_FILE), `${JSON.stringify(passwords)}\n`, { mode: 0o600 });
  return passwords;
}

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
 * The engine as separate, supervised processes, the way production runs it: Temporal and
 * PostgreSQL (embedded unless given), migrations, then worker and API from dist/. Each runs in
 * its own process group; one that dies is restarted (same data, same port) with back-off.
 * Call `stop()` (or `kill()`) from the signal handlers, also while `start()` is still running:
 * start() then rejects with StoppedError.
 */
export class EngineStackRunner {
  readonly supervisor: Supervisor;
  readonly statusFile: string;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: EngineStackOptions) {
    this.log = opts.log ?? (() => undefined);
    mkdirSync(opts.dataDir, { recursive: true });
    this.statusFile = join(opts.dataDir, 'supervisor.json');
    this.supervisor = new Supervisor({ statusFile: this.statusFile, log: this.log, backoff: opts.backoff });
  }

  private readonly disposeAfterStop: Array<() => Promise<void>> = [];
  private stopped: Promise<void> | null = null;

  /** Stops everything in order (API, worker, Temporal, PostgreSQL) within `budgetMs`; idempotent. */
  stop(budgetMs = 14_000): Promise<void> {
    this.stopped ??= (async () => {
      await this.supervisor.stop(STOP_ORDER, budgetMs);
      for (const dispose of this.disposeAfterStop) await dispose().catch(() => undefined);
    })();
    return this.stopped;
  }

  kill(): void {
    this.supervisor.kill();
  }

  /** Rejects if a child cannot start (after stopping what did), or with StoppedError once stop() was called. */
  async start(): Promise<EngineStack> {
    try {
      return await this.startAll();
    } catch (err) {
      await this.stop(10_000);
      throw err;
    }
  }

  private check(): void {
    if (this.supervisor.isStopping) throw new StoppedError();
  }

  private async startAll(): Promise<EngineStack> {
    const { opts, log, supervisor } = this;
    const root = repoRoot();
    const logs = join(opts.dataDir, 'logs');
    // Issue 9: the payload key, before Temporal starts (a Temporal database older than the key marks an upgrade).
    const signing = process.env.TEMPORAL_PAYLOAD_KEY
      ? null
      : ensureDevPayloadSigning(opts.dataDir, { temporalDbFile: opts.persistent && !opts.temporalAddress ? join(opts.dataDir, 'temporal/temporal.db') : undefined });
    if (signing?.origin === 'generated-for-upgrade') {
      log(`Temporal payloads are signed from now on; runs started before accept unsigned payloads (${join(opts.dataDir, 'temporal-payload-signing')}: set it to enforce once they are closed)`);
    }

    // Issue 12: every zone's schema is migrated and, on the embedded dev server, every zone's namespace created.
    const zones = configuredZones({ ZONES: opts.env?.ZONES ?? process.env.ZONES, TEMPORAL_NAMESPACE: opts.env?.TEMPORAL_NAMESPACE ?? process.env.TEMPORAL_NAMESPACE ?? 'default' });

    const temporalPart = async (): Promise<{ address: string; uiUrl: string | null }> => {
      if (opts.temporalAddress) return { address: opts.temporalAddress, uiUrl: null };
      const port = opts.temporalPort ?? (await freePort());
      const uiPort = opts.temporalUiPort ?? (await freePort());
      await ensurePortFree(port, 'Temporal', 'TEMPORAL_PORT');
      await ensurePortFree(uiPort, 'the Temporal Web UI', 'TEMPORAL_UI_PORT');
      this.check();
      log(`starting Temporal dev server on 127.0.0.1:${port} ...`);
      const devOptions = {
        port,
        uiPort,
        dbFile: opts.persistent ? join(opts.dataDir, 'temporal/temporal.db') : undefined,
        logFile: join(logs, 'temporal.log'),
        readyTimeoutMs: 120_000,
        namespaces: zones.map((z) => z.namespace).filter((ns) => ns !== 'default'),
      };
      let uiUrl: string | null = null;
      await supervisor.add({
        name: STACK_CHILDREN.temporal,
        stopGraceMs: 4000,
        start: async () => {
          const dev = await startTemporalDevServer(devOptions);
          uiUrl = dev.uiUrl;
          return dev.process;
        },
      });
      return { address: `127.0.0.1:${port}`, uiUrl };
    };

    const postgresPart = async (): Promise<string> => {
      if (opts.databaseUrl) return opts.databaseUrl;
      const port = opts.postgresPort ?? (await freePort());
      await ensurePortFree(port, 'PostgreSQL', 'POSTGRES_PORT');
      this.check();
      log(`starting embedded PostgreSQL on 127.0.0.1:${port} ...`);
      const server = await prepareEmbeddedPostgres({
        dataDir: join(opts.dataDir, 'postgres'),
        port,
        database: 'zhaoshang',
        persistent: opts.persistent,
        logFile: join(logs, 'postgres.log'),
        log,
      });
      if (!opts.persistent) this.disposeAfterStop.push(() => server.dispose());
      this.check();
      await supervisor.add({ name: STACK_CHILDREN.postgres, stopGraceMs: 5000, start: () => server.launch() });
      return server.url;
    };

    // Both at once (each waits for its own readiness); if one fails the other is stopped by start().
    const [temporal, postgres] = await Promise.allSettled([temporalPart(), postgresPart()]);
    if (temporal.status === 'rejected' || postgres.status === 'rejected') {
      throw temporal.status === 'rejected' ? temporal.reason : (postgres as PromiseRejectedResult).reason;
    }
    const temporalAddress = temporal.value.address;
    // Issue 9: the superuser only migrates; on the embedded database the worker and API connect as
    // zs_app, whose password (and zs_auditor's) is generated once into the data folder.
    const migrationDatabaseUrl = opts.databaseUrl ? (opts.migrationDatabaseUrl ?? opts.databaseUrl) : postgres.value;
    this.check();
    for (const zone of zones) {
      const applied = await runMigrations(migrationDatabaseUrl, zone.schema);
      const where = zones.length > 1 ? ` (zone ${zone.code}, schema ${zone.schema})` : '';
      log(applied.length ? `migrations applied${where}: ${applied.join(', ')}` : `database schema is up to date${where}`);
    }
    this.check();
    let databaseUrl = postgres.value;
    let auditorDatabaseUrl: string | null = null;
    if (!opts.databaseUrl) {
      ({ appUrl: databaseUrl, auditorUrl: auditorDatabaseUrl } = await provisionLoginRoles(migrationDatabaseUrl, embeddedRolePasswords(opts.dataDir)));
      log(`database roles: worker and API connect as ${DATABASE_ROLES.app}, read-only tools as ${DATABASE_ROLES.auditor} (passwords in ${join(opts.dataDir, EMBEDDED_DATABASE_ROLES_FILE)})`);
    }
    this.check();
    await opts.afterMigrations?.(databaseUrl);
    this.check();

    const jwtSecret = opts.jwtSecret ?? devJwtSecret(opts.dataDir);
    const apiPort = opts.apiPort ?? (await freePort());
    await ensurePortFree(apiPort, 'the API', 'API_PORT');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // The worker drains within this, so a Ctrl-C stops everything well within 15 s.
      WORKER_SHUTDOWN_GRACE_MS: process.env.WORKER_SHUTDOWN_GRACE_MS ?? '5000',
      ...(signing ? { TEMPORAL_PAYLOAD_KEY: signing.key, TEMPORAL_PAYLOAD_SIGNING: process.env.TEMPORAL_PAYLOAD_SIGNING || signing.mode } : {}),
      ...auditCheckpointEnv(opts.dataDir),
      ...opts.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      JWT_SECRET: jwtSecret,
      API_PORT: String(apiPort),
      API_HOST: opts.env?.API_HOST ?? '127.0.0.1',
      WORKFLOW_BUNDLE_PATH: join(root, 'dist/workflow-bundle.js'),
      [STATUS_FILE_ENV]: this.statusFile,
    };
    const node = (name: string, main: string, nodeArgs: string[] = []) => async (): Promise<ManagedProcess> =>
      startProcess(name, process.execPath, [...nodeArgs, join(root, main)], { logFile: join(logs, `${name}.log`), env, inheritOutput: true, orphanGraceMs: 8000 });
    this.check();
    const worker = await supervisor.add({
      name: STACK_CHILDREN.worker,
      stopGraceMs: 8000,
      start: node(STACK_CHILDREN.worker, 'dist/apps/worker/src/main.js', ['--require', join(root, WORKER_PRELOAD)]),
    });
    const api = await supervisor.add({ name: STACK_CHILDREN.api, stopGraceMs: 3000, start: node(STACK_CHILDREN.api, 'dist/apps/api/src/main.js') });

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(
      'the API',
      async () => {
        this.check();
        if (!api.running || !worker.running) throw new Error(`the ${api.running ? 'worker' : 'API'} exited during start-up; see ${logs}`);
        try {
          return (await fetch(`${apiUrl}/health`)).ok;
        } catch {
          return false;
        }
      },
      120_000,
    );
    supervisor.running();
    return {
      apiUrl,
      temporalAddress,
      temporalUiUrl: temporal.value.uiUrl,
      databaseUrl,
      auditorDatabaseUrl,
      jwtSecret,
      statusFile: this.statusFile,
      status: () => supervisor.status(),
      stop: (budgetMs?: number) => this.stop(budgetMs),
      kill: () => this.kill(),
    };
  }
}

/** Starts the whole stack (see EngineStackRunner); for callers that need no early stop. */
export function startEngineStack(opts: EngineStackOptions): Promise<EngineStack> {
  return new EngineStackRunner(opts).start();
}
