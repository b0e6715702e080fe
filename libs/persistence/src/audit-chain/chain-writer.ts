import type { Transaction } from '../database';
import { GENESIS_HASH, sm3 } from './sm3';
import { SEALED_COLUMNS, sealedForm, type SealedRow, type SealedTable } from './sealed-form';

/** Advisory-lock namespace of chain appends (the key is the chain's hashtext). */
const CHAIN_LOCK_NAMESPACE = 7460;

/** The chain a project's events (its own workflow's and its service requests') are linked in. */
export function projectChain(projectId: string): string {
  return `project:${projectId}`;
}
export const ADMIN_CHAIN = 'admin';
export const SECURITY_CHAIN = 'security';

/**
 * Appends records to `chain` of `table`: each gets the next position, `prev_hash` = the hash
 * of the record before it, and `hash = SM3(prev_hash ‖ sealed form of the row)`. The chain is
 * locked for the rest of the transaction (appends to one chain are serialised; other chains go
 * on), and its head is read from the table itself, so there is no second copy to drift.
 * `insertSql` completes `INSERT INTO table (columns) VALUES (…)` with e.g. `ON CONFLICT DO
 * NOTHING`; a row it does not insert does not advance the chain. Returns, per row, whether it
 * was inserted.
 */
export async function appendSealed(tx: Transaction, table: SealedTable, chain: string, rows: SealedRow[], onConflict = ''): Promise<boolean[]> {
  if (rows.length === 0) return [];
  await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [CHAIN_LOCK_NAMESPACE, chain]);
  // The head and the new rows' ids in one round trip; after the lock, in a statement of its own (its
  // snapshot is taken once the lock is held, so it sees the previous holder's rows).
  const [{ chain_pos: headPos, hash: headHash, ids }]: Array<{ chain_pos: string | null; hash: Buffer | null; ids: string[] }> = await tx.query(
    `SELECT h.chain_pos, h.hash, ARRAY(SELECT nextval(pg_get_serial_sequence($2, 'id'))::text FROM generate_series(1, $3)) AS ids
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT chain_pos, hash FROM ${table} WHERE chain = $1 ORDER BY chain_pos DESC LIMIT 1) AS h ON true`,
    [chain, table, rows.length],
  );
  let pos = headPos === null ? 0 : Number(headPos);
  let prev: Buffer = headHash ?? GENESIS_HASH;
  const columns = [...SEALED_COLUMNS[table], 'prev_hash', 'hash'];
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
  const inserted: boolean[] = [];
  for (const [i, row] of rows.entries()) {
    const sealed: SealedRow = { ...row, id: ids[i], chain, chain_pos: pos + 1 };
    const hash = sm3(prev, sealedForm(table, sealed));
    const values = [...SEALED_COLUMNS[table].map((c) => toParam(sealed[c])), prev, hash];
    const result: unknown[] = await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders}) ${onConflict} RETURNING id`, values);
    const ok = result.length > 0;
    inserted.push(ok);
    if (ok) {
      pos += 1;
      prev = hash;
    }
  }
  return inserted;
}

function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
