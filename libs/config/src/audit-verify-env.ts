import { z } from 'zod';
import { auditChainEnv } from './audit-chain-env';
import { ConfigError } from './env';
import { embeddedDatabaseUrl } from './reconciler-env';

/** `npm run audit:verify`: the database to read (DATABASE_URL, or the embedded default's) and the checkpoints' file and public key. */
export const auditVerifyEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  AUDIT_CHECKPOINT_FILE: auditChainEnv.AUDIT_CHECKPOINT_FILE,
  AUDIT_CHECKPOINT_PUBLIC_KEY_FILE: auditChainEnv.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE,
});

export type AuditVerifyConfig = z.infer<typeof auditVerifyEnvSchema>;

export function loadAuditVerifyConfig(env: Record<string, string | undefined> = process.env): AuditVerifyConfig {
  const result = auditVerifyEnvSchema.safeParse({ ...env, DATABASE_URL: env.DATABASE_URL || embeddedDatabaseUrl(env) });
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data;
}
