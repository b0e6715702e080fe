import type { z } from 'zod';
import { readEmbeddedRolePasswords } from './database-roles-env';
import { embeddedDataDir, readEmbeddedPayloadSigning } from './embedded-payload-key';
import { apiEnvSchema, ConfigError } from './env';

/** `npm run audit:reconcile`: the database and Temporal, read exactly as the API reads them. */
export const reconcilerEnvSchema = apiEnvSchema.pick({
  DATABASE_URL: true,
  DATABASE_POOL_SIZE: true,
  TEMPORAL_ADDRESS: true,
  TEMPORAL_NAMESPACE: true,
  TEMPORAL_PAYLOAD_KEY: true,
  TEMPORAL_PAYLOAD_SIGNING: true,
});

export type ReconcilerConfig = z.infer<typeof reconcilerEnvSchema>;

/**
 * The embedded stack `npm start` runs when DATABASE_URL is not set (libs/local-stack: database
 * `zhaoshang`, POSTGRES_PORT or 54329), so the read-only tools check the engine on this machine
 * without further set-up: as the read-only role zs_auditor, with the password the launcher keeps
 * in its data folder (the superuser `postgres` only for a data folder from before the roles).
 */
export function embeddedDatabaseUrl(env: Record<string, string | undefined>): string {
  const passwords = readEmbeddedRolePasswords(embeddedDataDir(env));
  const credentials = passwords ? `zs_auditor:${encodeURIComponent(passwords.auditor)}` : 'postgres:postgres';
  return `postgres://${credentials}@127.0.0.1:${env.POSTGRES_PORT || '54329'}/zhaoshang`;
}

export function loadReconcilerConfig(env: Record<string, string | undefined> = process.env): ReconcilerConfig {
  // Like the database, the payload key (and signing mode) of the embedded stack when none is given.
  const embedded = env.TEMPORAL_PAYLOAD_KEY ? {} : readEmbeddedPayloadSigning(embeddedDataDir(env));
  const result = reconcilerEnvSchema.safeParse({
    ...env,
    // It only reads: the auditor role's URL first.
    DATABASE_URL: env.AUDITOR_DATABASE_URL || env.DATABASE_URL || embeddedDatabaseUrl(env),
    TEMPORAL_PAYLOAD_KEY: env.TEMPORAL_PAYLOAD_KEY || embedded.key,
    TEMPORAL_PAYLOAD_SIGNING: env.TEMPORAL_PAYLOAD_SIGNING || embedded.mode,
  });
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data;
}
