import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry } from '@zs/domain';
import {
  ADMIN_CHAIN,
  AuditCheckpointer,
  GENESIS_HASH,
  SEALED_COLUMNS,
  appendAuditEvents,
  createDataSource,
  inTransaction,
  listCheckpoints,
  readCheckpointFile,
  recordAdminAudit,
  recordSecurityEvent,
  sealedHash,
  sm3,
  verifyAuditRecord,
  type Checkpoint,
  type SealedTable,
  type VerificationReport,
} from '@zs/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The tamper-evident record (issue 9): a log written through the real chain writer into a
 * database of its own, two signed checkpoints, then 1,000 random tamperings — each applied as an
 * attacker with the database's superuser would (triggers off: `session_replication_role =
 * replica`), verified, and rolled back. Every one must be detected; the untouched log, and the
 * log with legitimate appends after the last checkpoint, must never be.
 */
const TAMPERINGS = Number(process.env.AUDIT_TAMPER_RUNS ?? 1000);
const SEED = Number(process.env.AUDIT_TAMPER_SEED ?? Date.now() % 2 ** 31);

interface RecordRef {
  table: SealedTable;
  id: string;
  chain: string;
  chainPos: number;
}

class Rollback extends Error {
  constructor(readonly report: VerificationReport) {
    super('rollback');
  }
}

const TABLES: SealedTable[] = ['audit_events', 'admin_audit_events', 'security_events'];

/** A SQL expression giving a column a value different from its current one. */
function alteredValue(table: SealedTable, column: string): string {
  switch (column) {
    case 'id':
      return 'id + 1000000';
    case 'chain':
      return `chain || '·'`;
    case 'chain_pos':
      return 'chain_pos + 1000';
    case 'seq':
      return 'seq + 1000';
    case 'project_id':
      return 'gen_random_uuid()';
    case 'occurred_at':
    case 'recorded_at':
    case 'at':
      return `${column} + interval '1 second'`;
    case 'payload':
      return `${column} || '{"forged": true}'::jsonb`;
    case 'prev_hash':
    case 'hash':
      return `sha256(coalesce(${column}, ''::bytea))`;
    default:
      return `coalesce(${column}, '') || '·'`;
  }
}

type Tampering =
  | { kind: 'edit_column'; record: number; column: number }
  | { kind: 'delete_record'; record: number }
  | { kind: 'delete_record_and_ledger_entry'; record: number }
  | { kind: 'duplicate_record'; record: number }
  | { kind: 'append_unlinked_record'; record: number }
  | { kind: 'swap_positions'; record: number }
  | { kind: 'truncate'; table: number }
  | { kind: 'rewrite_chain_consistently'; record: number }
  | { kind: 'rewrite_chain_and_ledger_consistently'; record: number }
  | { kind: 'delete_and_renumber_ledger'; record: number }
  | { kind: 'delete_ledger_entry'; pos: number }
  | { kind: 'edit_ledger_entry'; pos: number; column: number }
  | { kind: 'edit_database_checkpoint'; which: number }
  | { kind: 'delete_database_checkpoint'; which: number }
  | { kind: 'edit_file_checkpoint'; which: number; field: number };

const index = fc.nat({ max: 1_000_000 });
const tamperingArb: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({ kind: fc.constant('edit_column' as const), record: index, column: index }),
  fc.record({ kind: fc.constant('delete_record' as const), record: index }),
  fc.record({ kind: fc.constant('delete_record_and_ledger_entry' as const), record: index }),
  fc.record({ kind: fc.constant('duplicate_record' as const), record: index }),
  fc.record({ kind: fc.constant('append_unlinked_record' as const), record: index }),
  fc.record({ kind: fc.constant('swap_positions' as const), record: index }),
  fc.record({ kind: fc.constant('truncate' as const), table: index }),
  fc.record({ kind: fc.constant('rewrite_chain_consistently' as const), record: index }),
  fc.record({ kind: fc.constant('rewrite_chain_and_ledger_consistently' as const), record: index }),
  fc.record({ kind: fc.constant('delete_and_renumber_ledger' as const), record: index }),
  fc.record({ kind: fc.constant('delete_ledger_entry' as const), pos: index }),
  fc.record({ kind: fc.constant('edit_ledger_entry' as const), pos: index, column: index }),
  fc.record({ kind: fc.constant('edit_database_checkpoint' as const), which: index }),
  fc.record({ kind: fc.constant('delete_database_checkpoint' as const), which: index }),
  fc.record({ kind: fc.constant('edit_file_checkpoint' as const), which: index, field: index }),
);

describe('tamper evidence: SM3 chains, the global ledger and signed checkpoints', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  let checkpointFile: string;
  let fileCheckpoints: Checkpoint[];
  let records: RecordRef[];
  let ledgerSize: number;

  const actor = { userId: randomUUID(), role: 'intake_task_force' } as AuditEntry['actor'];
  const event = (seq: number, action: string): AuditEntry => ({
    seq,
    at: Date.now() + seq,
    actor,
    action,
    payload: { note: `事件 ${seq}`, nested: { amount: seq * 1.5, list: [seq, 'x'] } },
    stageBefore: 'intake',
    stageAfter: seq % 3 === 0 ? 'negotiation' : 'intake',
    ...(seq % 2 === 0 ? { updateId: `u-${randomUUID()}` } : {}),
  });

  /** Appends a round of records through the real writers: project events, admin actions, security events interleaved. */
  async function writeRound(projects: string[], round: number): Promise<void> {
    for (const [i, projectId] of projects.entries()) {
      await inTransaction(db, (tx) =>
        appendAuditEvents(tx, projectId, `project-${projectId}`, 'run-1', [event(round * 2 + 1, 'lead.registered'), event(round * 2 + 2, 'intake.info_requested')]),
      );
      if (i % 3 === 0) {
        await inTransaction(db, (tx) => recordAdminAudit(tx, { actor: { userId: 'admin-1', role: 'admin' }, action: 'calendar.override_set', subject: `calendar:2027-0${(i % 9) + 1}-01`, reason: '调休', payload: { round } }));
      }
      if (i % 4 === 0) await recordSecurityEvent(db, { kind: 'login.failed', outcome: 'failure', username: `user${i}`, clientIp: '10.0.0.1', payload: { round } });
    }
  }

  async function loadRecords(q: DataSource | EntityManager): Promise<RecordRef[]> {
    const out: RecordRef[] = [];
    for (const table of TABLES) {
      const rows: Array<{ id: string; chain: string; chain_pos: string }> = await q.query(`SELECT id::text AS id, chain, chain_pos FROM ${table} ORDER BY id`);
      out.push(...rows.map((r) => ({ table, id: r.id, chain: r.chain, chainPos: Number(r.chain_pos) })));
    }
    return out;
  }

  async function verify(q: EntityManager, file: Checkpoint[] = fileCheckpoints): Promise<VerificationReport> {
    return verifyAuditRecord(q, { fileCheckpoints: file, databaseCheckpoints: await listCheckpoints(q), publicKey, limit: 20 });
  }

  /** Runs `tamper` as the superuser with triggers off, verifies inside the same transaction, then rolls everything back. */
  async function verifyTampered(tamper: (tx: EntityManager) => Promise<Checkpoint[] | void>): Promise<VerificationReport> {
    try {
      await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        const file = (await tamper(tx)) ?? fileCheckpoints;
        await tx.query(`SET LOCAL session_replication_role = origin`);
        throw new Rollback(await verify(tx, file));
      });
    } catch (err) {
      if (err instanceof Rollback) return err.report;
      throw err;
    }
    throw new Error('unreachable');
  }

  /** Recomputes a chain's hashes from `fromPos` on, as an attacker who knows the scheme would. */
  async function rehashChain(tx: EntityManager, ref: RecordRef, fromPos: number): Promise<Array<{ chainPos: number; hash: Buffer }>> {
    const columns = SEALED_COLUMNS[ref.table];
    const rows: Array<Record<string, unknown>> = await tx.query(`SELECT ${columns.join(', ')}, prev_hash, hash FROM ${ref.table} WHERE chain = $1 ORDER BY chain_pos`, [ref.chain]);
    let prev: Buffer = GENESIS_HASH;
    const rewritten: Array<{ chainPos: number; hash: Buffer }> = [];
    for (const row of rows) {
      const pos = Number(row.chain_pos);
      if (pos >= fromPos) {
        const hash = sealedHash(ref.table, prev, row);
        await tx.query(`UPDATE ${ref.table} SET prev_hash = $2, hash = $3 WHERE id = $1`, [row.id, prev, hash]);
        rewritten.push({ chainPos: pos, hash });
        prev = hash;
      } else {
        prev = row.hash as Buffer;
      }
    }
    return rewritten;
  }

  const pick = <T>(list: T[], n: number): T => list[n % list.length];

  async function apply(tx: EntityManager, t: Tampering): Promise<Checkpoint[] | void> {
    switch (t.kind) {
      case 'edit_column': {
        const ref = pick(records, t.record);
        const columns = [...SEALED_COLUMNS[ref.table], 'prev_hash', 'hash'];
        const column = pick(columns, t.column);
        await tx.query(`UPDATE ${ref.table} SET ${column} = ${alteredValue(ref.table, column)} WHERE id = $1`, [ref.id]);
        return;
      }
      case 'delete_record': {
        const ref = pick(records, t.record);
        await tx.query(`DELETE FROM ${ref.table} WHERE id = $1`, [ref.id]);
        return;
      }
      case 'delete_record_and_ledger_entry': {
        const ref = pick(records, t.record);
        await tx.query(`DELETE FROM ${ref.table} WHERE id = $1`, [ref.id]);
        await tx.query(`DELETE FROM audit_ledger WHERE source = $1 AND chain = $2 AND chain_pos = $3`, [ref.table, ref.chain, ref.chainPos]);
        return;
      }
      case 'duplicate_record': {
        const ref = pick(records, t.record);
        const columns = [...SEALED_COLUMNS[ref.table].filter((c) => c !== 'id'), 'prev_hash', 'hash'];
        await tx.query(`DROP INDEX ${ref.table}_chain_uq`);
        if (ref.table === 'audit_events') {
          await tx.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_project_workflow_seq_uq`);
          await tx.query(`DROP INDEX audit_events_update_uq`);
        }
        await tx.query(`INSERT INTO ${ref.table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${ref.table} WHERE id = $1`, [ref.id]);
        return;
      }
      case 'append_unlinked_record': {
        // A forged record at the end of a chain with a correct hash, but written around the writer (no ledger entry).
        const ref = pick(records, t.record);
        const columns = SEALED_COLUMNS[ref.table];
        const [last]: Array<Record<string, unknown>> = await tx.query(`SELECT ${columns.join(', ')}, hash FROM ${ref.table} WHERE chain = $1 ORDER BY chain_pos DESC LIMIT 1`, [ref.chain]);
        const [{ id }]: Array<{ id: string }> = await tx.query(`SELECT nextval(pg_get_serial_sequence($1, 'id'))::text AS id`, [ref.table]);
        const forged: Record<string, unknown> = { ...last, id, chain_pos: Number(last.chain_pos) + 1, ...(ref.table === 'audit_events' ? { seq: Number(last.seq) + 1000, update_id: null } : {}) };
        const hash = sealedHash(ref.table, last.hash as Buffer, forged);
        const values = columns.map((c) => (c === 'payload' ? JSON.stringify(forged[c]) : forged[c]));
        await tx.query(
          `INSERT INTO ${ref.table} (${columns.join(', ')}, prev_hash, hash) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}, $${columns.length + 1}, $${columns.length + 2})`,
          [...values, last.hash, hash],
        );
        return;
      }
      case 'swap_positions': {
        const ref = pick(records, t.record);
        const [next]: Array<{ id: string }> = await tx.query(`SELECT id::text AS id FROM ${ref.table} WHERE chain = $1 AND chain_pos <> $2 ORDER BY abs(chain_pos - $2) LIMIT 1`, [ref.chain, ref.chainPos]);
        if (!next) {
          // A chain of one: swap it with a record of another chain of the same table instead.
          const [other]: Array<{ id: string }> = await tx.query(`SELECT id::text AS id FROM ${ref.table} WHERE chain <> $1 LIMIT 1`, [ref.chain]);
          await tx.query(`UPDATE ${ref.table} SET payload = (SELECT payload FROM ${ref.table} WHERE id = $2) || '{"swapped": true}'::jsonb WHERE id = $1`, [ref.id, other.id]);
          return;
        }
        await tx.query(`DROP INDEX ${ref.table}_chain_uq`);
        await tx.query(
          `UPDATE ${ref.table} t SET chain_pos = s.new_pos FROM (VALUES ($1::bigint, (SELECT chain_pos FROM ${ref.table} WHERE id = $2)), ($2::bigint, $3::bigint)) AS s(id, new_pos) WHERE t.id = s.id`,
          [ref.id, next.id, ref.chainPos],
        );
        return;
      }
      case 'truncate': {
        const table = pick([...TABLES, 'audit_ledger', 'audit_checkpoints'], t.table);
        await tx.query(`TRUNCATE ${table}`);
        return;
      }
      case 'rewrite_chain_consistently': {
        const ref = pick(records, t.record);
        await tx.query(`UPDATE ${ref.table} SET payload = payload || '{"rewritten": true}'::jsonb WHERE id = $1`, [ref.id]);
        await rehashChain(tx, ref, ref.chainPos);
        return;
      }
      case 'rewrite_chain_and_ledger_consistently': {
        const ref = pick(records, t.record);
        await tx.query(`UPDATE ${ref.table} SET payload = payload || '{"rewritten": true}'::jsonb WHERE id = $1`, [ref.id]);
        for (const r of await rehashChain(tx, ref, ref.chainPos)) {
          await tx.query(`UPDATE audit_ledger SET record_hash = $4 WHERE source = $1 AND chain = $2 AND chain_pos = $3`, [ref.table, ref.chain, r.chainPos, r.hash]);
        }
        return;
      }
      case 'delete_and_renumber_ledger': {
        // The last record of a chain removed, with its ledger entry, and the ledger renumbered so it has no gap.
        const ref = pick(records, t.record);
        const [last]: Array<{ id: string; chain_pos: string }> = await tx.query(`SELECT id::text AS id, chain_pos FROM ${ref.table} WHERE chain = $1 ORDER BY chain_pos DESC LIMIT 1`, [ref.chain]);
        await tx.query(`DELETE FROM ${ref.table} WHERE id = $1`, [last.id]);
        const [{ pos }]: Array<{ pos: string }> = await tx.query(`DELETE FROM audit_ledger WHERE source = $1 AND chain = $2 AND chain_pos = $3 RETURNING pos`, [ref.table, ref.chain, last.chain_pos]);
        await tx.query(`ALTER TABLE audit_ledger DROP CONSTRAINT audit_ledger_pkey`);
        await tx.query(`UPDATE audit_ledger SET pos = pos - 1 WHERE pos > $1`, [pos]);
        return;
      }
      case 'delete_ledger_entry': {
        await tx.query(`DELETE FROM audit_ledger WHERE pos = $1`, [(t.pos % ledgerSize) + 1]);
        return;
      }
      case 'edit_ledger_entry': {
        const column = pick(['source', 'chain', 'chain_pos', 'record_hash'], t.column);
        const expr = column === 'chain_pos' ? 'chain_pos + 1000' : column === 'record_hash' ? 'sha256(record_hash)' : `${column} || '·'`;
        await tx.query(`UPDATE audit_ledger SET ${column} = ${expr} WHERE pos = $1`, [(t.pos % ledgerSize) + 1]);
        return;
      }
      case 'edit_database_checkpoint': {
        const cps = await listCheckpoints(tx);
        await tx.query(`UPDATE audit_checkpoints SET head_hash = $2 WHERE pos = $1`, [pick(cps, t.which).pos, sm3('forged').toString('hex')]);
        return;
      }
      case 'delete_database_checkpoint': {
        const cps = await listCheckpoints(tx);
        await tx.query(`DELETE FROM audit_checkpoints WHERE pos = $1`, [pick(cps, t.which).pos]);
        return;
      }
      case 'edit_file_checkpoint': {
        const copy = fileCheckpoints.map((c) => ({ ...c }));
        const target = pick(copy, t.which);
        const field = pick(['pos', 'headHash', 'at', 'signature'] as const, t.field);
        if (field === 'pos') target.pos += 1;
        else if (field === 'headHash') target.headHash = sm3(target.headHash).toString('hex');
        else if (field === 'at') target.at = new Date(Date.parse(target.at) + 1000).toISOString();
        else target.signature = Buffer.from(target.signature, 'base64').reverse().toString('base64');
        return copy;
      }
    }
  }

  beforeAll(async () => {
    testDb = await createTestDatabase('tamper');
    db = createDataSource({ url: testDb.superuserUrl, poolSize: 2 });
    await db.initialize();
    checkpointFile = `${testDb.dir}/checkpoints.jsonl`;
    const checkpointer = new AuditCheckpointer(db, { privateKey, file: checkpointFile, intervalMs: 60_000 });

    const projects = Array.from({ length: 12 }, () => randomUUID());
    await writeRound(projects, 0);
    await writeRound(projects, 1);
    expect(await checkpointer.checkpointNow()).not.toBeNull();
    await writeRound(projects, 2);
    expect(await checkpointer.checkpointNow()).not.toBeNull();
    fileCheckpoints = readCheckpointFile(checkpointFile).checkpoints;
    records = await loadRecords(db);
    const [{ n }]: Array<{ n: string }> = await db.query(`SELECT count(*) AS n FROM audit_ledger`);
    ledgerSize = Number(n);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await testDb?.drop();
  });

  it('the log as written verifies intact: every record chained, in the ledger once, both checkpoints signed over it', async () => {
    expect(fileCheckpoints).toHaveLength(2);
    expect(records.length).toBe(ledgerSize);
    expect(records.filter((r) => r.table === 'admin_audit_events').every((r) => r.chain === ADMIN_CHAIN)).toBe(true);
    const report = await db.transaction((tx) => verify(tx));
    expect(report).toMatchObject({
      intact: true,
      brokenChains: [],
      ledgerProblems: [],
      checkpoints: { file: 2, database: 2, verified: 4, latestPos: ledgerSize, problems: [] },
    });
    expect(report.records.audit_events).toBe(12 * 6);
    expect(report.chains).toBe(12 + 2);
  });

  it('0 false alarms: untouched, and after legitimate appends past the last checkpoint', async () => {
    for (let i = 0; i < 20; i++) {
      const report = await verifyTampered(async (tx) => {
        // Legitimate writes, through the writers, inside the transaction that is then rolled back.
        await tx.query(`SET LOCAL session_replication_role = origin`);
        if (i % 2 === 0) await appendAuditEvents(tx, records[0].chain.slice('project:'.length), `project-x`, 'run-2', [event(100 + i, 'negotiation.contact_recorded')]);
        else await recordSecurityEvent(tx, { kind: 'login.succeeded', outcome: 'success', username: 'auditor', clientIp: '10.0.0.2' });
        // The ledger entry is written at commit (a deferred trigger); this transaction never commits, so fire it now.
        await tx.query(`SET CONSTRAINTS ALL IMMEDIATE`);
      });
      expect({ i, intact: report.intact, report }).toMatchObject({ i, intact: true });
    }
  });

  it(`detects ${TAMPERINGS} random tamperings of every kind, 100 %`, async () => {
    const seen = new Map<string, number>();
    const missed: string[] = [];
    await fc.assert(
      fc.asyncProperty(tamperingArb, async (t) => {
        const report = await verifyTampered((tx) => apply(tx, t));
        seen.set(t.kind, (seen.get(t.kind) ?? 0) + 1);
        if (report.intact) missed.push(JSON.stringify(t));
        return !report.intact;
      }),
      { numRuns: TAMPERINGS, seed: SEED, endOnFailure: true },
    );
    process.stdout.write(
      `audit tamper property: ${TAMPERINGS} tamperings (seed ${SEED}), detected ${TAMPERINGS - missed.length} (${(((TAMPERINGS - missed.length) / TAMPERINGS) * 100).toFixed(1)} %): ` +
        [...seen.entries()].map(([k, n]) => `${k} ${n}`).join(', ') +
        '\n',
    );
    expect(missed).toEqual([]);
    expect(seen.size).toBe(15);
  }, 600_000);

  it('names the first broken link of a chain: which record, and what differs', async () => {
    const ref = records.find((r) => r.table === 'audit_events' && r.chainPos === 3)!;
    const report = await verifyTampered(async (tx) => {
      await tx.query(`UPDATE audit_events SET action = 'intake.rejected' WHERE id = $1`, [ref.id]);
    });
    expect(report.intact).toBe(false);
    expect(report.brokenChains).toEqual([expect.objectContaining({ table: 'audit_events', chain: ref.chain, chainPos: 3, recordId: ref.id, problem: 'content_altered' })]);
    // The ledger still links the original hash: a rewrite of the content is visible there too.
    expect(report.checkpoints.problems).toEqual([]);
  });

  it('a consistent rewrite of chain and ledger is caught only by the signed checkpoints, in both stores', async () => {
    const ref = records.find((r) => r.table === 'audit_events' && r.chainPos === 1)!;
    const report = await verifyTampered((tx) => apply(tx, { kind: 'rewrite_chain_and_ledger_consistently', record: records.indexOf(ref) }));
    expect(report.brokenChains).toEqual([]);
    expect(report.ledgerProblems).toEqual([]);
    expect(report.checkpoints.problems.map((p) => `${p.store}:${p.problem}`).sort()).toEqual(['database:head_differs', 'database:head_differs', 'file:head_differs', 'file:head_differs']);
  });
});
