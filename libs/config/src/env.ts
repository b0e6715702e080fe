import { z } from 'zod';
import { ConfigError } from './config-error';
import { auditChainEnv } from './audit-chain-env';
import { httpHardeningEnv } from './http-hardening-env';
import { webConsoleEnv } from './web-console-env';
import { checkZones, zonesEnv } from './zones-env';

export { ConfigError };

const postgresUrl = z
  .string({ error: 'is required (postgres://user:password@host:port/database)' })
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

const common = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  ...zonesEnv,
};

/** An empty variable (`SMTP_HOST=` in a compose file) means unset. */
const unsetIfBlank = (v: unknown) => (v === '' ? undefined : v);

/**
 * Issue 9: every payload written to Temporal is signed (HMAC-SM3, libs/temporal-codec) with this
 * key, shared by the API, the worker and the tools; `npm start` generates one into its data folder.
 * accept-unsigned is for an installation upgraded from before signing, while runs started then are open.
 */
export const temporalPayloadSigningEnv = {
  TEMPORAL_PAYLOAD_KEY: z
    .string({ error: 'is required (at least 32 bytes, e.g. `openssl rand -hex 32`): the key that signs Temporal payloads' })
    .refine((v) => Buffer.byteLength(v, 'utf8') >= 32, 'must be at least 32 bytes'),
  TEMPORAL_PAYLOAD_SIGNING: z.preprocess(
    unsetIfBlank,
    z.enum(['enforce', 'accept-unsigned'], { error: 'must be enforce or accept-unsigned' }).default('enforce'),
  ),
};

const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

/**
 * The outbox dispatcher in the worker. E-mail is optional: without SMTP_URL or SMTP_HOST, e-mail
 * rows are marked 'skipped' (no_channel) instead of waiting for ever.
 */
const notificationDelivery = {
  SMTP_URL: z.preprocess(unsetIfBlank, z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL').optional()),
  SMTP_HOST: z.preprocess(unsetIfBlank, z.string().optional()),
  SMTP_PORT: z.preprocess(unsetIfBlank, z.coerce.number().int().min(1).max(65535).default(587)),
  /** TLS from the first byte (port 465); false means STARTTLS when the server offers it. */
  SMTP_SECURE: z.preprocess(unsetIfBlank, flag.default(false)),
  SMTP_USER: z.preprocess(unsetIfBlank, z.string().optional()),
  SMTP_PASS: z.preprocess(unsetIfBlank, z.string().optional()),
  MAIL_FROM: z.preprocess(
    unsetIfBlank,
    z.string().regex(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, e.g. 招商平台 <noreply@zone.gov.cn>').optional(),
  ),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(10).default(5_000),
  OUTBOX_BACKOFF_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  OUTBOX_BACKOFF_JITTER: z.preprocess(unsetIfBlank, flag.default(true)),
};

function requireMailFromWithSmtp(
  env: { SMTP_URL?: string; SMTP_HOST?: string; MAIL_FROM?: string; OUTBOX_BACKOFF_BASE_MS: number; OUTBOX_BACKOFF_MAX_MS: number },
  ctx: z.RefinementCtx,
): void {
  if ((env.SMTP_URL || env.SMTP_HOST) && !env.MAIL_FROM) {
    ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required when SMTP_URL or SMTP_HOST is set' });
  }
  if (env.OUTBOX_BACKOFF_MAX_MS < env.OUTBOX_BACKOFF_BASE_MS) {
    ctx.addIssue({ code: 'custom', path: ['OUTBOX_BACKOFF_MAX_MS'], message: 'must not be below OUTBOX_BACKOFF_BASE_MS' });
  }
}

export const apiEnvSchema = z.object({
  ...common,
  API_HOST: z.string().default('0.0.0.0'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  JWT_SECRET: z.string({ error: 'is required (at least 32 characters)' }).min(32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
  /** Issue 9 (identity): consecutive failed logins that lock an account, and for how long (fractions allowed, e.g. 0.05 in tests). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  /** Every failed login is answered no sooner than this after it arrived, whoever the name belongs to. */
  LOGIN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(400),
  /** How long the token guard may reuse an account's state (role, active, token version) it read; 0: read it on every request. */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** How long an HTTP step waits for the workflow before answering 503. */
  TEMPORAL_UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Set by the launcher (npm start): its status file, whose restart counts GET /health shows. */
  SUPERVISOR_STATUS_FILE: z.preprocess(unsetIfBlank, z.string().optional()),
  /**
   * Issue 12: how far V8 lets the API's heap grow past what the last full collection kept, in
   * percent (V8's --heap-growing-percent); 0 leaves it to V8, which grew the heap to about twice
   * the live data after the first KPI tables. 50, measured with 100,000 projects' KPI facts
   * (bench:kpi): resident 289 MB instead of 313–327, GET /kpis unchanged; 25 gave 251 MB with
   * p95 pauses near 190 ms.
   */
  API_HEAP_GROWING_PERCENT: z.preprocess(unsetIfBlank, z.coerce.number().int().min(0).max(400).default(50)),
  ...temporalPayloadSigningEnv,
  ...auditChainEnv,
  ...httpHardeningEnv,
  ...webConsoleEnv,
});

/** The API's environment as loaded: the fields above, ZONES checked entry by entry. */
const apiEnvChecked = apiEnvSchema.superRefine(checkZones);

/**
 * The worker's sticky cache (runs kept in memory between steps). Measured with `npm run bench:scale`
 * (10,000 live projects, every one touched): 1,000 runs → 1,601 MB resident, 500 → 891 MB, 250 → 592 MB;
 * issue 12 allows the worker 1 GB, so 500. An evicted run is replayed on its next step (tens of ms).
 * For the whole process: with several zones it is shared out among their workers (zone-runtime.ts).
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 500;

/**
 * The worker's preload, relative to the repository (or image) root: started with `node --require`
 * so that WORKFLOW_STACK_TRACES reaches the SDK's workflow threads. The launcher, the tests' worker
 * processes, the Dockerfile and docker-compose.yml all name this file.
 */
export const WORKER_PRELOAD = 'apps/worker/preload/workflow-stack-traces.cjs';

export const workerEnvSchema = z.object({
  ...common,
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(10).default(DEFAULT_MAX_CACHED_WORKFLOWS),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(100),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * The SDK's per-promise stack traces (the Web UI's "Call Stack" tab): about a third of the
   * workflow thread's CPU, so off unless asked for. Applied by the preload the worker starts with
   * (apps/worker/preload/workflow-stack-traces.cjs); checked here so a typo stops the start.
   */
  WORKFLOW_STACK_TRACES: z.enum(['on', 'off']).default('off'),
  ...temporalPayloadSigningEnv,
  ...auditChainEnv,
  ...notificationDelivery,
}).superRefine((env, ctx) => {
  requireMailFromWithSmtp(env, ctx);
  checkZones(env, ctx);
});

export type ApiConfig = z.infer<typeof apiEnvSchema>;
export type WorkerConfig = z.infer<typeof workerEnvSchema>;

function load<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

export const loadApiConfig = (env: Record<string, string | undefined> = process.env): ApiConfig => load(apiEnvChecked, env);
export const loadWorkerConfig = (env: Record<string, string | undefined> = process.env): WorkerConfig =>
  load(workerEnvSchema, env);
