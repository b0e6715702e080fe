import { inTransaction, type Database, type Queryable } from '../database';
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

/** Advisory-lock key of the ledger's sealer: one at a time, however many workers run. */
const SEALER_LOCK = [7461, 0] as const;

/**
 * Moves queued records (written by the audit tables' trigger in the writers' own transactions)
 * into the ledger, giving each the next position: one sealer at a time, so positions have no gap
 * and a committed position never changes. Returns how many were sealed.
 */
export async function sealQueuedRecords(db: Database, batch = 5000): Promise<number> {
  let sealed = 0;
  for (;;) {
    const moved = await inTransaction(db, async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1, $2)`, [...SEALER_LOCK]);
      const rows: unknown[] = await tx.query(
        `WITH moved AS (
           DELETE FROM audit_ledger_queue WHERE id IN (SELECT id FROM audit_ledger_queue ORDER BY id LIMIT $1)
           RETURNING id, source, chain, chain_pos, record_hash
         ), base AS (SELECT coalesce(max(pos), 0) AS last FROM audit_ledger)
         INSERT INTO audit_ledger (pos, source, chain, chain_pos, record_hash)
         SELECT base.last + row_number() OVER (ORDER BY moved.id), moved.source, moved.chain, moved.chain_pos, moved.record_hash FROM moved, base
         RETURNING pos`,
        [batch],
      );
      return rows.length;
    });
    sealed += moved;
    if (moved < batch) return sealed;
  }
}

/** How many records wait to be sealed into the ledger. */
export async function queuedLedgerEntries(db: Queryable): Promise<number> {
  const [row]: Array<{ n: string }> = await db.query(`SELECT count(*) AS n FROM audit_ledger_queue`);
  return Number(row.n);
}

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

/**
 * Ledger (or queue) entries whose record is missing or holds another hash, and records linked
 * by no entry, or by more than one. A record still in the queue is linked (sealed later).
 */
export async function ledgerMismatches(db: Queryable, table: string, limit: number): Promise<Array<{ kind: 'entry_without_record' | 'record_not_in_ledger' | 'record_in_ledger_twice'; pos: number | null; recordId: string | null; chain: string | null; chainPos: number | null }>> {
  const orphans: Array<{ pos: string | null; chain: string | null; chain_pos: string | null }> = await db.query(
    `SELECT e.pos, e.chain, e.chain_pos FROM (
       SELECT pos, source, chain, chain_pos, record_hash FROM audit_ledger
       UNION ALL SELECT NULL, source, chain, chain_pos, record_hash FROM audit_ledger_queue
     ) e
     LEFT JOIN ${table} r ON r.chain = e.chain AND r.chain_pos = e.chain_pos
     WHERE e.source = $1 AND (r.id IS NULL OR r.hash IS DISTINCT FROM e.record_hash)
     ORDER BY e.pos NULLS LAST LIMIT $2`,
    [table, limit],
  );
  const unlinked: Array<{ id: string; chain: string | null; chain_pos: string | null; n: string }> = await db.query(
    `SELECT r.id, r.chain, r.chain_pos, count(e.source) AS n FROM ${table} r
     LEFT JOIN (
       SELECT source, chain, chain_pos, record_hash FROM audit_ledger
       UNION ALL SELECT source, chain, chain_pos, record_hash FROM audit_ledger_queue
     ) e ON e.source = $1 AND e.chain = r.chain AND e.chain_pos = r.chain_pos AND e.record_hash = r.hash
     GROUP BY r.id, r.chain, r.chain_pos HAVING count(e.source) <> 1
     ORDER BY r.id LIMIT $2`,
    [table, limit],
  );
  return [
    ...orphans.map((o) => ({ kind: 'entry_without_record' as const, pos: o.pos === null ? null : Number(o.pos), recordId: null, chain: o.chain, chainPos: o.chain_pos === null ? null : Number(o.chain_pos) })),
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
