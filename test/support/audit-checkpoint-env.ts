import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { stackEnv } from '../setup/stack-env';

/**
 * The audit checkpoint key pair of this test run (made by the global set-up) and the
 * checkpoint file of one database, as the worker and API read them. A file per database: a
 * suite with a private PostgreSQL must not sign into the shared database's file.
 */
export function auditCheckpointEnv(databaseUrl: string): { AUDIT_CHECKPOINT_PRIVATE_KEY_FILE: string; AUDIT_CHECKPOINT_PUBLIC_KEY_FILE: string; AUDIT_CHECKPOINT_FILE: string } {
  const dir = stackEnv('workDir');
  const database = createHash('sha256').update(databaseUrl).digest('hex').slice(0, 12);
  return {
    AUDIT_CHECKPOINT_PRIVATE_KEY_FILE: join(dir, 'keys', 'audit-checkpoint.key.pem'),
    AUDIT_CHECKPOINT_PUBLIC_KEY_FILE: join(dir, 'keys', 'audit-checkpoint.pub.pem'),
    AUDIT_CHECKPOINT_FILE: join(dir, 'audit', `checkpoints-${database}.jsonl`),
  };
}
