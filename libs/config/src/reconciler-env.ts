import type { z } from 'zod';
import { apiEnvSchema, ConfigError } from './env';

/** `npm run audit:reconcile`: the database and Temporal, read exactly as the API reads them. */
export const reconcilerEnvSchema = apiEnvSchema.pick({ DATABASE_URL: true, DATABASE_POOL_SIZE: true, TEMPORAL_ADDRESS: true, TEMPORAL_NAMESPACE: true });

export type ReconcilerConfig = z.infer<typeof reconcilerEnvSchema>;

/**
 * The embedded stack `npm start` runs when DATABASE_URL is not set (libs/local-stack: user and
 * password `postgres`, database `zhaoshang`, POSTGRES_PORT or 54329), so the reconciler checks
 * the engine on this machine without further set-up.
 */
export function embeddedDatabaseUrl(env: Record<string, string | undefined>): string {
  return `postgres://postgres:postgres@127.0.0.1:${env.POSTGRES_PORT || '54329'}/zhaoshang`;
}

export function loadReconcilerConfig(env: Record<string, string | undefined> = process.env): ReconcilerConfig {
  const result = reconcilerEnvSchema.safeParse({ ...env, DATABASE_URL: env.DATABASE_URL || embeddedDatabaseUrl(env) });
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data;
}
