import type { z } from 'zod';
import { apiEnvSchema, ConfigError } from './env';

/** `npm run audit:reconcile`: the database and Temporal, read exactly as the API reads them. */
export const reconcilerEnvSchema = apiEnvSchema.pick({ DATABASE_URL: true, DATABASE_POOL_SIZE: true, TEMPORAL_ADDRESS: true, TEMPORAL_NAMESPACE: true });

export type ReconcilerConfig = z.infer<typeof reconcilerEnvSchema>;

export function loadReconcilerConfig(env: Record<string, string | undefined> = process.env): ReconcilerConfig {
  const result = reconcilerEnvSchema.safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data;
}
