import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './repo-root';

const dataFile = (relative: string) => join(repoRoot(), '.data', relative);

/**
 * Where the signed checkpoints of the audit chain go and which keys sign and verify them. The
 * defaults are the embedded stack's data folder (`npm start` makes the key pair there);
 * production mounts the private key into the workers only and the public key wherever audits run.
 */
export const auditChainEnv = {
  /** The append-only file of signed checkpoints (the copy outside PostgreSQL). */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).default(dataFile('audit/checkpoints.jsonl')),
  /** Ed25519 private key (PEM): read by the worker, which signs; never by the database. */
  AUDIT_CHECKPOINT_PRIVATE_KEY_FILE: z.string().min(1).default(dataFile('keys/audit-checkpoint.key.pem')),
  /** Ed25519 public key (PEM): read by whoever verifies (API route, `npm run audit:verify`). */
  AUDIT_CHECKPOINT_PUBLIC_KEY_FILE: z.string().min(1).default(dataFile('keys/audit-checkpoint.pub.pem')),
  /** How often the worker signs the global head (ms); history after the last checkpoint is only chained, not yet signed. */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).max(24 * 3600_000).default(60_000),
  /** How often the worker seals newly written records into the global ledger (ms). */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(1000),
};

export type AuditChainConfig = { [K in keyof typeof auditChainEnv]: z.infer<(typeof auditChainEnv)[K]> };
