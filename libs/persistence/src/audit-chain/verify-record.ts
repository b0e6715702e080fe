import type { KeyObject } from 'node:crypto';
import type { Queryable } from '../database';
import { checkpointSignatureValid, type Checkpoint } from './checkpoints';
import { GLOBAL_GENESIS, forEachLedgerEntry, ledgerEnd, ledgerGaps, ledgerMismatches, nextGlobalHead, queuedLedgerEntries, readSealedRows, readUnchainedRows } from './ledger';
import { SEALED_COLUMNS, SEALED_TABLES, sealedForm, type SealedTable } from './sealed-form';
import { GENESIS_HASH, sm3 } from './sm3';

/** The first broken link of one chain: which record, and what differs. */
export interface BrokenLink {
  table: SealedTable;
  chain: string;
  chainPos: number | null;
  recordId: string | null;
  problem:
    | 'content_altered'
    | 'prev_hash_differs'
    | 'position_missing'
    | 'position_repeated'
    | 'unchained_record'
    | 'record_not_in_ledger'
    | 'record_in_ledger_twice';
  expected?: string;
  actual?: string;
}

export interface LedgerProblem {
  problem: 'gap' | 'entry_without_record';
  pos: number;
  detail: string;
}

export interface CheckpointProblem {
  store: 'file' | 'database';
  pos: number;
  problem: 'signature_invalid' | 'head_differs' | 'beyond_ledger_end' | 'unreadable_line' | 'missing_from_database';
  detail: string;
}

export interface VerificationReport {
  intact: boolean;
  checkedAt: string;
  records: Record<SealedTable, number>;
  chains: number;
  ledgerEntries: number;
  /** Records written but not yet sealed into the ledger (the worker seals them within seconds). */
  queuedEntries: number;
  /** Per chain, its first broken link (at most `limit` chains listed). */
  brokenChains: BrokenLink[];
  ledgerProblems: LedgerProblem[];
  checkpoints: { file: number; database: number; verified: number; latestPos: number | null; problems: CheckpointProblem[] };
}

export interface VerifyOptions {
  /** Checkpoints read from the append-only file (the store outside PostgreSQL). */
  fileCheckpoints: Checkpoint[];
  unreadableFileLines?: number[];
  databaseCheckpoints: Checkpoint[];
  /** The public key checkpoints are signed with; without it, no checkpoint can be trusted. */
  publicKey: KeyObject | null;
  /** How many problems of each kind to list (all are counted in `intact`). */
  limit?: number;
}

/**
 * Recomputes every chain and the global ledger, and checks every checkpoint. Reads only; runs
 * in the caller's snapshot when given a transaction (a REPEATABLE READ one sees one instant).
 */
export async function verifyAuditRecord(db: Queryable, opts: VerifyOptions): Promise<VerificationReport> {
  const limit = opts.limit ?? 100;
  const broken: BrokenLink[] = [];
  const brokenChains = new Set<string>();
  const records = { audit_events: 0, admin_audit_events: 0, security_events: 0 } as Record<SealedTable, number>;
  let chains = 0;
  const flag = (link: BrokenLink) => {
    const key = `${link.table}|${link.chain}`;
    if (brokenChains.has(key)) return;
    brokenChains.add(key);
    if (broken.length < limit) broken.push(link);
  };

  for (const table of SEALED_TABLES) {
    for (const u of await readUnchainedRows(db, table, limit)) {
      flag({ table, chain: `(none: record ${u.id})`, chainPos: null, recordId: u.id, problem: 'unchained_record' });
    }
    let after = { chain: '', chainPos: 0, id: '0' };
    let current = '';
    let expectedPos = 1;
    let prev: Buffer = GENESIS_HASH;
    for (;;) {
      const rows = await readSealedRows(db, table, SEALED_COLUMNS[table], after, 2000);
      if (rows.length === 0) break;
      for (const row of rows) {
        records[table]++;
        const chain = row.chain as string;
        const pos = Number(row.chain_pos);
        const id = String(row.id);
        if (chain !== current) {
          current = chain;
          chains++;
          expectedPos = 1;
          prev = GENESIS_HASH;
        }
        const storedPrev = row.prev_hash as Buffer | null;
        const storedHash = row.hash as Buffer;
        if (pos !== expectedPos) {
          flag({ table, chain, chainPos: pos, recordId: id, problem: pos < expectedPos ? 'position_repeated' : 'position_missing', expected: String(expectedPos), actual: String(pos) });
        } else if (!storedPrev || !storedPrev.equals(prev)) {
          flag({ table, chain, chainPos: pos, recordId: id, problem: 'prev_hash_differs', expected: prev.toString('hex'), actual: storedPrev?.toString('hex') ?? 'null' });
        } else {
          const recomputed = sm3(prev, sealedForm(table, row));
          if (!recomputed.equals(storedHash)) {
            flag({ table, chain, chainPos: pos, recordId: id, problem: 'content_altered', expected: storedHash.toString('hex'), actual: recomputed.toString('hex') });
          }
        }
        // Continue from what is stored, so one altered record is reported once, not as a broken tail.
        expectedPos = pos + 1;
        prev = storedHash;
        after = { chain, chainPos: pos, id };
      }
    }
  }

  const ledgerProblems: LedgerProblem[] = [];
  for (const g of await ledgerGaps(db, limit)) {
    ledgerProblems.push({ problem: 'gap', pos: g.next, detail: `position ${g.next} follows ${g.after}` });
  }
  for (const table of SEALED_TABLES) {
    for (const m of await ledgerMismatches(db, table, limit)) {
      if (m.kind === 'entry_without_record') {
        ledgerProblems.push({ problem: 'entry_without_record', pos: m.pos ?? 0, detail: `${table} ${m.chain}#${m.chainPos}${m.pos === null ? ' (queued for sealing)' : ''}: no record with the linked hash` });
      } else {
        flag({ table, chain: m.chain ?? '(none)', chainPos: m.chainPos, recordId: m.recordId, problem: m.kind });
      }
    }
  }

  const end = await ledgerEnd(db);
  const heads = new Map<number, string>();
  const wanted = new Set([...opts.fileCheckpoints, ...opts.databaseCheckpoints].map((c) => c.pos));
  let head: Buffer = GLOBAL_GENESIS;
  let ledgerEntries = 0;
  await forEachLedgerEntry(db, 0, end, (e) => {
    ledgerEntries++;
    head = nextGlobalHead(head, e);
    if (wanted.has(e.pos)) heads.set(e.pos, head.toString('hex'));
  });

  const checkpointProblems: CheckpointProblem[] = [];
  let verified = 0;
  let latestPos: number | null = null;
  const check = (store: 'file' | 'database', c: Checkpoint) => {
    if (!opts.publicKey || !checkpointSignatureValid(c, opts.publicKey)) {
      checkpointProblems.push({ store, pos: c.pos, problem: 'signature_invalid', detail: opts.publicKey ? 'the signature does not verify with the configured public key' : 'no public key configured' });
    } else if (c.pos > end) {
      checkpointProblems.push({ store, pos: c.pos, problem: 'beyond_ledger_end', detail: `signed at position ${c.pos}; the ledger ends at ${end}` });
    } else if (heads.get(c.pos) !== c.headHash) {
      checkpointProblems.push({ store, pos: c.pos, problem: 'head_differs', detail: `signed head ${c.headHash}; recomputed ${heads.get(c.pos) ?? 'none'}` });
    } else {
      verified++;
      latestPos = Math.max(latestPos ?? 0, c.pos);
    }
  };
  for (const line of opts.unreadableFileLines ?? []) checkpointProblems.push({ store: 'file', pos: 0, problem: 'unreadable_line', detail: `line ${line}` });
  for (const c of opts.fileCheckpoints) check('file', c);
  for (const c of opts.databaseCheckpoints) check('database', c);
  const inDatabase = new Set(opts.databaseCheckpoints.map((c) => `${c.pos}|${c.headHash}`));
  for (const c of opts.fileCheckpoints) {
    if (!inDatabase.has(`${c.pos}|${c.headHash}`)) checkpointProblems.push({ store: 'database', pos: c.pos, problem: 'missing_from_database', detail: 'the file holds this checkpoint; the database does not' });
  }

  return {
    intact: brokenChains.size === 0 && ledgerProblems.length === 0 && checkpointProblems.length === 0,
    checkedAt: new Date().toISOString(),
    records,
    chains,
    ledgerEntries,
    queuedEntries: await queuedLedgerEntries(db),
    brokenChains: broken,
    ledgerProblems: ledgerProblems.slice(0, limit),
    checkpoints: { file: opts.fileCheckpoints.length, database: opts.databaseCheckpoints.length, verified, latestPos, problems: checkpointProblems.slice(0, limit) },
  };
}

/** For tests and tools: the hash a record would carry after `prev`. */
export function sealedHash(table: SealedTable, prev: Buffer, row: Record<string, unknown>): Buffer {
  return sm3(prev, sealedForm(table, row));
}
