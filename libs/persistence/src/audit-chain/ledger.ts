import type { Queryable } from '../database';
import { GENESIS_HASH, sm3 } from './sm3';

/** One position of the global chain: which record of which chain, and that record's hash as linked. */
export interface LedgerEntry {
  pos: number;
  source: string;
  chain: string | null;
  chainPos: number | null;
  recordHash: Buffer | null;
}

/** The global head after `entry`: SM3(previous head ‖ the entry's canonical text). */
export function nextGlobalHead(prev: Buffer, e: LedgerEntry): Buffer {
  return sm3(prev, JSON.stringify([String(e.pos), e.source, e.chain, e.chainPos === null ? null : String(e.chainPos), e.recordHash ? e.recordHash.toString('hex') : null]));
}

export const GLOBAL_GENESIS = GENESIS_HASH;

/** Ledger entries after `afterPos`, in order (a page of at most `limit`). */
export async function readLedger(db: Queryable, afterPos: number, limit: number): Promise<LedgerEntry[]> {
  const rows: Array<{ pos: string; source: string; chain: string | null; chain_pos: string | null; record_hash: Buffer | null }> = await db.query(
    `SELECT pos, source, chain, chain_pos, record_hash FROM audit_ledger WHERE pos > $1 ORDER BY pos LIMIT $2`,
    [afterPos, limit],
  );
  return rows.map((r) => ({ pos: Number(r.pos), source: r.source, chain: r.chain, chainPos: r.chain_pos === null ? null : Number(r.chain_pos), recordHash: r.record_hash }));
}

/** The last committed ledger position (0 when empty). */
export async function ledgerEnd(db: Queryable): Promise<number> {
  const [row]: Array<{ pos: string | null }> = await db.query(`SELECT max(pos) AS pos FROM audit_ledger`);
  return row?.pos ? Number(row.pos) : 0;
}

/** Calls `visit` for each ledger entry after `afterPos` up to `untilPos`, page by page. */
export async function forEachLedgerEntry(db: Queryable, afterPos: number, untilPos: number, visit: (e: LedgerEntry) => void): Promise<void> {
  for (let from = afterPos; from < untilPos; ) {
    const page = await readLedger(db, from, 5000);
    if (page.length === 0) return;
    for (const e of page) {
      if (e.pos > untilPos) return;
      visit(e);
    }
    from = page[page.length - 1].pos;
  }
}

/** Ledger entries whose record is missing or holds another hash, and records with no (or more than one) ledger entry. */
export async function ledgerMismatches(db: Queryable, table: string, limit: number): Promise<Array<{ kind: 'entry_without_record' | 'record_not_in_ledger' | 'record_in_ledger_twice'; pos: number | null; recordId: string | null; chain: string | null; chainPos: number | null }>> {
  const orphans: Array<{ pos: string; chain: string | null; chain_pos: string | null }> = await db.query(
    `SELECT l.pos, l.chain, l.chain_pos FROM audit_ledger l
     LEFT JOIN ${table} r ON r.chain = l.chain AND r.chain_pos = l.chain_pos
     WHERE l.source = $1 AND (r.id IS NULL OR r.hash IS DISTINCT FROM l.record_hash)
     ORDER BY l.pos LIMIT $2`,
    [table, limit],
  );
  const unlinked: Array<{ id: string; chain: string | null; chain_pos: string | null; n: string }> = await db.query(
    `SELECT r.id, r.chain, r.chain_pos, count(l.pos) AS n FROM ${table} r
     LEFT JOIN audit_ledger l ON l.source = $1 AND l.chain = r.chain AND l.chain_pos = r.chain_pos AND l.record_hash = r.hash
     GROUP BY r.id, r.chain, r.chain_pos HAVING count(l.pos) <> 1
     ORDER BY r.id LIMIT $2`,
    [table, limit],
  );
  return [
    ...orphans.map((o) => ({ kind: 'entry_without_record' as const, pos: Number(o.pos), recordId: null, chain: o.chain, chainPos: o.chain_pos === null ? null : Number(o.chain_pos) })),
    ...unlinked.map((u) => ({
      kind: Number(u.n) === 0 ? ('record_not_in_ledger' as const) : ('record_in_ledger_twice' as const),
      pos: null,
      recordId: u.id,
      chain: u.chain,
      chainPos: u.chain_pos === null ? null : Number(u.chain_pos),
    })),
  ];
}

/** Positions where the ledger's numbering is not 1, 2, 3 … (a deleted or inserted entry). */
export async function ledgerGaps(db: Queryable, limit: number): Promise<Array<{ after: number; next: number }>> {
  const rows: Array<{ prev: string; pos: string }> = await db.query(
    `SELECT prev, pos FROM (SELECT pos, coalesce(lag(pos) OVER (ORDER BY pos), 0) AS prev FROM audit_ledger) s WHERE pos <> prev + 1 ORDER BY pos LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ after: Number(r.prev), next: Number(r.pos) }));
}

/** A page of a table's chained rows in chain order, after (chain, chainPos, id). */
export async function readSealedRows(db: Queryable, table: string, columns: readonly string[], after: { chain: string; chainPos: number; id: string }, limit: number): Promise<Array<Record<string, unknown>>> {
  return db.query(
    `SELECT ${columns.join(', ')}, prev_hash, hash FROM ${table}
     WHERE chain IS NOT NULL AND chain_pos IS NOT NULL AND (chain, chain_pos, id) > ($1, $2::bigint, $3::bigint)
     ORDER BY chain, chain_pos, id LIMIT $4`,
    [after.chain, after.chainPos, after.id, limit],
  );
}

/** Rows of a table that carry no chain or position (inserted around the chain writer). */
export async function readUnchainedRows(db: Queryable, table: string, limit: number): Promise<Array<{ id: string }>> {
  return db.query(`SELECT id::text AS id FROM ${table} WHERE chain IS NULL OR chain_pos IS NULL OR hash IS NULL ORDER BY id LIMIT $1`, [limit]);
}
