import { z } from 'zod';

/** Thrown at start-up when the environment is unusable; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

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
};

export const apiEnvSchema = z.object({
  ...common,
  API_HOST: z.string().default('0.0.0.0'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  JWT_SECRET: z.string({ error: 'is required (at least 32 characters)' }).min(32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
  /** How long an HTTP step waits for the workflow before answering 503. */
  TEMPORAL_UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
});

export const workerEnvSchema = z.object({
  ...common,
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(10).default(1000),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(100),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
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

export const loadApiConfig = (env: Record<string, string | undefined> = process.env): ApiConfig => load(apiEnvSchema, env);
export const loadWorkerConfig = (env: Record<string, string | undefined> = process.env): WorkerConfig =>
  load(workerEnvSchema, env);
