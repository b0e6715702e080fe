import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Queryable } from '../database';

/**
 * A signed statement "the global chain's head after position `pos` was `headHash`", written
 * to PostgreSQL and to an append-only file elsewhere. Signed with Ed25519: the private key
 * lives only with the worker (a file the database never sees), and auditors verify with the
 * public key, so a rewrite of the whole database cannot produce a valid checkpoint.
 */
export interface Checkpoint {
  pos: number;
  headHash: string;
  at: string;
  keyId: string;
  signature: string;
}

/** What is signed: the checkpoint's fields but the signature, in a fixed order. */
export function checkpointMessage(c: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(JSON.stringify(['zhaoshang-audit-checkpoint-v1', String(c.pos), c.headHash, c.at, c.keyId]));
}

/** A public key's id: the first 16 hex digits of its SHA-256 (so a checkpoint names the key it was signed with). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signCheckpoint(pos: number, headHash: Buffer, at: Date, privateKey: KeyObject): Checkpoint {
  const keyId = keyIdOf(createPublicKey(privateKey));
  const unsigned = { pos, headHash: headHash.toString('hex'), at: at.toISOString(), keyId };
  return { ...unsigned, signature: sign(null, checkpointMessage(unsigned), privateKey).toString('base64') };
}

export function checkpointSignatureValid(c: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return c.keyId === keyIdOf(publicKey) && verify(null, checkpointMessage(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Stores a checkpoint. Two workers may sign the same position: the same head is a no-op, another
 * head for a position already signed means the ledger under it changed, and fails loudly.
 */
export async function insertCheckpoint(db: Queryable, c: Checkpoint): Promise<void> {
  const inserted: unknown[] = await db.query(
    `INSERT INTO audit_checkpoints (pos, head_hash, at, key_id, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pos) DO NOTHING RETURNING pos`,
    [c.pos, c.headHash, c.at, c.keyId, c.signature],
  );
  if (inserted.length > 0) return;
  const [stored]: Array<{ head_hash: string }> = await db.query(`SELECT head_hash FROM audit_checkpoints WHERE pos = $1`, [c.pos]);
  if (stored?.head_hash !== c.headHash) {
    throw new Error(`audit checkpoint at position ${c.pos} already signed with head ${stored?.head_hash ?? 'none'}, not ${c.headHash}: the ledger below it changed (run npm run audit:verify)`);
  }
}

export async function listCheckpoints(db: Queryable): Promise<Checkpoint[]> {
  const rows: Array<{ pos: string; head_hash: string; at: Date; key_id: string; signature: string }> = await db.query(
    `SELECT pos, head_hash, at, key_id, signature FROM audit_checkpoints ORDER BY pos`,
  );
  return rows.map((r) => ({ pos: Number(r.pos), headHash: r.head_hash, at: r.at.toISOString(), keyId: r.key_id, signature: r.signature }));
}

/** The checkpoint at the highest position, or null before the first. */
export async function latestCheckpoint(db: Queryable): Promise<Checkpoint | null> {
  const [r]: Array<{ pos: string; head_hash: string; at: Date; key_id: string; signature: string }> = await db.query(
    `SELECT pos, head_hash, at, key_id, signature FROM audit_checkpoints ORDER BY pos DESC LIMIT 1`,
  );
  return r ? { pos: Number(r.pos), headHash: r.head_hash, at: r.at.toISOString(), keyId: r.key_id, signature: r.signature } : null;
}

/** Appends one checkpoint as a JSON line (the file is only ever appended to). */
export function appendCheckpointFile(path: string, c: Checkpoint): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${JSON.stringify(c)}\n`, { mode: 0o640 });
}

/** The file's checkpoints in file order; a line that does not parse is returned as a problem, not skipped. */
export function readCheckpointFile(path: string): { checkpoints: Checkpoint[]; unreadableLines: number[] } {
  if (!existsSync(path)) return { checkpoints: [], unreadableLines: [] };
  const checkpoints: Checkpoint[] = [];
  const unreadableLines: number[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const c = JSON.parse(line) as Checkpoint;
        if (typeof c.pos !== 'number' || typeof c.headHash !== 'string' || typeof c.signature !== 'string') throw new Error('shape');
        checkpoints.push(c);
      } catch {
        unreadableLines.push(i + 1);
      }
    });
  return { checkpoints, unreadableLines };
}
