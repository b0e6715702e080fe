import { existsSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import type { Database } from '../database';
import { listCheckpoints, readCheckpointFile } from './checkpoints';
import { readPublicKey } from './keys';
import { verifyAuditRecord, type VerificationReport } from './verify-record';

export interface InstallationVerifyOptions {
  checkpointFile: string;
  publicKeyFile: string;
  limit?: number;
}

export interface InstallationReport extends VerificationReport {
  checkpointFile: string;
  /** Why the public key could not be used (checkpoints then count as unverified). */
  publicKeyProblem: string | null;
}

/**
 * Verifies this installation's audit record: every chain, the ledger, and every checkpoint in
 * the database and in the file, in one REPEATABLE READ snapshot (writes going on meanwhile are
 * neither half-seen nor taken for tampering).
 */
export async function verifyInstallation(db: Database, opts: InstallationVerifyOptions): Promise<InstallationReport> {
  let publicKey: KeyObject | null = null;
  let publicKeyProblem: string | null = null;
  try {
    if (!existsSync(opts.publicKeyFile)) publicKeyProblem = `no public key at ${opts.publicKeyFile}`;
    else publicKey = readPublicKey(opts.publicKeyFile);
  } catch (err) {
    publicKeyProblem = (err as Error).message;
  }
  const file = readCheckpointFile(opts.checkpointFile);
  const report = await db.transaction('REPEATABLE READ', async (tx) =>
    verifyAuditRecord(tx, {
      fileCheckpoints: file.checkpoints,
      unreadableFileLines: file.unreadableLines,
      databaseCheckpoints: await listCheckpoints(tx),
      publicKey,
      limit: opts.limit,
    }),
  );
  return { ...report, intact: report.intact && publicKeyProblem === null, checkpointFile: opts.checkpointFile, publicKeyProblem };
}
