import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { loadApiConfig } from '@zs/config';
import { createDataSource } from '@zs/persistence';
import { createApiApp } from '@zs/api';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { createLifecycleWorker } from '@zs/worker';
import { stackEnv } from '../setup/stack-env';
import { auditCheckpointEnv } from './audit-checkpoint-env';
import { quietRuntime } from './quiet-runtime';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface E2eHarness {
  baseUrl: string;
  /** The Temporal namespace the API and worker use (clients the test makes must use it too). */
  namespace: string;
  dataSource: DataSource;
  jwtSecret: string;
  login(username: string): Promise<string>;
  http<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<HttpResult<T>>;
  stopWorker(): Promise<void>;
  teardown(): Promise<void>;
}

/**
 * The real API (NestJS on a real port), a real worker and the real dev server and
 * PostgreSQL from the global set-up; requests go over HTTP with fetch.
 */
export interface E2eHarnessOptions {
  updateTimeoutMs?: number;
  /** A test may bring its own Temporal server (e.g. one it restarts); the shared one otherwise. */
  temporalAddress?: string;
  /** A test may bring its own (migrated) PostgreSQL (e.g. one it kills); the shared one otherwise. */
  databaseUrl?: string;
  /** false: no worker inside the test process (the test runs worker processes of its own). */
  worker?: boolean;
  /** More API settings (e.g. LOGIN_LOCKOUT_MINUTES), over the harness's own. */
  apiEnv?: Record<string, string>;
}

/** The rate limits every suite runs with unless it passes its own in apiEnv. */
export const E2E_RATE_LIMITS = {
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000',
  RATE_LIMIT_LOGIN_PER_IP: '100000',
  RATE_LIMIT_WRITES: '1000000',
} as const;

export async function startE2eHarness(opts: E2eHarnessOptions = {}): Promise<E2eHarness> {
  const databaseUrl = opts.databaseUrl ?? stackEnv('databaseUrl');
  const temporalAddress = opts.temporalAddress ?? stackEnv('temporalAddress');
  // A Temporal server of the test's own has only `default`; the shared one a namespace per jest worker.
  const namespace = opts.temporalAddress ? 'default' : stackEnv('temporalNamespace');
  const jwtSecret = randomBytes(32).toString('hex');
  quietRuntime();

  const dataSource = createDataSource({ url: databaseUrl, poolSize: 4 });
  await dataSource.initialize();
  await seedDemoUsers(dataSource, DEFAULT_DEMO_PASSWORD);

  const connection = await NativeConnection.connect({ address: temporalAddress });
  let worker: Worker | null =
    opts.worker === false
      ? null
      : await createLifecycleWorker({
          connection,
          namespace,
          dataSource,
          workflowBundle: { codePath: stackEnv('workflowBundle') },
          payloadSigning: { key: stackEnv('payloadKey'), mode: 'enforce' },
        });
  let running: Promise<void> | null = worker ? worker.run() : null;

  const config = loadApiConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    JWT_SECRET: jwtSecret,
    TEMPORAL_PAYLOAD_KEY: stackEnv('payloadKey'),
    ...auditCheckpointEnv(databaseUrl),
    API_HOST: '127.0.0.1',
    API_PORT: '3000',
    TEMPORAL_UPDATE_TIMEOUT_MS: String(opts.updateTimeoutMs ?? 15_000),
    // Suites log in and write far faster than people (all from 127.0.0.1): limits well above their
    // pace, set here rather than weakening the defaults. http-hardening.e2e-spec sets small ones.
    ...E2E_RATE_LIMITS,
    ...opts.apiEnv,
  });
  const app: INestApplication = await createApiApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;

  const http: E2eHarness['http'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.rawBody !== undefined) {
      body = o.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (docs HTML): keep the text.
    }
    return { status: res.status, body: parsed as never, headers: res.headers };
  };

  const stopWorker = async () => {
    if (!worker) return;
    worker.shutdown();
    await running;
    worker = null;
    running = null;
  };

  return {
    baseUrl,
    namespace,
    dataSource,
    jwtSecret,
    http,
    async login(username) {
      const res = await http('POST', '/auth/login', { body: { username, password: DEFAULT_DEMO_PASSWORD } });
      if (res.status !== 200 && res.status !== 201) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    stopWorker,
    async teardown() {
      await app.close();
      await stopWorker();
      await connection.close();
      await dataSource.destroy();
    },
  };
}
