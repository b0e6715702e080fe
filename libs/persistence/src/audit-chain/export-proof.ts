import { sealedForm, type SealedRow, type SealedTable } from './sealed-form';
import { GENESIS_HASH, sm3 } from './sm3';

/**
 * A record's proof as a project's history export carries it (GET /audit/projects/:id/export):
 * enough for someone outside the installation to recompute the record's link with any SM3
 * implementation: `hash = SM3(bytes(prevHash) ‖ UTF-8(sealedForm))`, the first record's
 * `prevHash` being 32 zero bytes and every other's the `hash` of the record before it.
 */
export interface RecordProof {
  chainPos: number;
  /** Hex. */
  prevHash: string;
  /** Hex: what the record stores, recomputed by the verifier. */
  hash: string;
  /** The exact text hashed: the record's covered columns in a fixed order (sealed-form.ts). */
  sealedForm: string;
  /** The record's position in the global ledger; null while it waits to be sealed. */
  ledgerPos: number | null;
}

/** A stored row of `table` (its covered columns, `prev_hash` and `hash` as the driver reads them) as its proof. */
export function recordProof(table: SealedTable, row: SealedRow & { prev_hash: Buffer | null; hash: Buffer }, ledgerPos: number | null): RecordProof {
  return {
    chainPos: Number(row.chain_pos),
    prevHash: row.prev_hash?.toString('hex') ?? '',
    hash: row.hash.toString('hex'),
    sealedForm: sealedForm(table, row),
    ledgerPos,
  };
}

export type ExportedChainProblem = 'position_missing' | 'prev_hash_differs' | 'content_altered';

/**
 * Re-verifies a chain's proofs in position order, as an outsider would: positions 1, 2, 3 …,
 * each `prevHash` the hash before it, each `hash` recomputed. Null when every link holds, else
 * the first that does not.
 */
export function firstBrokenProof(proofs: readonly RecordProof[]): { chainPos: number; problem: ExportedChainProblem } | null {
  let prev = GENESIS_HASH.toString('hex');
  for (const [i, p] of proofs.entries()) {
    if (p.chainPos !== i + 1) return { chainPos: p.chainPos, problem: 'position_missing' };
    if (p.prevHash !== prev) return { chainPos: p.chainPos, problem: 'prev_hash_differs' };
    if (sm3(Buffer.from(p.prevHash, 'hex'), p.sealedForm).toString('hex') !== p.hash) return { chainPos: p.chainPos, problem: 'content_altered' };
    prev = p.hash;
  }
  return null;
}
