// A project's history with its proofs (issue 11, 导出项目历史): every record of the project's chain
// with what an outsider needs to re-verify it, and the latest signed checkpoint.
import type { Database, Queryable } from '../database';
import { projectChain } from '../audit-chain/chain-writer';
import { latestCheckpoint, type Checkpoint } from '../audit-chain/checkpoints';
import { recordProof, type RecordProof } from '../audit-chain/export-proof';
import { SEALED_COLUMNS, type SealedRow } from '../audit-chain/sealed-form';
import { HISTORY_JOINS, HISTORY_SELECT, toProjectHistoryRow, type HistoryRow, type ProjectHistoryRow } from './project-history-reads';

export interface ProvenHistoryRecord {
  /** The record as the history reads it (names beside ids). */
  event: ProjectHistoryRow;
  proof: RecordProof;
}

export interface ProjectHistoryProofs {
  chain: string;
  records: ProvenHistoryRecord[];
  /** The latest signed checkpoint (covers every record sealed at or before its position); null before the first. */
  checkpoint: Checkpoint | null;
}

const SEALED = SEALED_COLUMNS.audit_events.map((c) => `a.${c} AS sealed_${c}`).join(', ');

/**
 * Every record of the project's chain in chain order (its own and its service requests' events),
 * with its ledger position, and the latest checkpoint, read in one REPEATABLE READ snapshot so the
 * proofs agree with each other even while the project moves on.
 */
export function projectHistoryProofs(db: Database, projectId: string): Promise<ProjectHistoryProofs> {
  return db.transaction('REPEATABLE READ', (tx) => readProofs(tx, projectId));
}

async function readProofs(db: Queryable, projectId: string): Promise<ProjectHistoryProofs> {
  const chain = projectChain(projectId);
  const rows: Array<HistoryRow & Record<string, unknown> & { prev_hash: Buffer | null; hash: Buffer; ledger_pos: string | null }> = await db.query(
    `SELECT ${HISTORY_SELECT}, ${SEALED}, a.prev_hash, a.hash, l.pos AS ledger_pos
       FROM audit_events a
       ${HISTORY_JOINS}
       LEFT JOIN audit_ledger l ON l.source = 'audit_events' AND l.chain = a.chain AND l.chain_pos = a.chain_pos AND l.record_hash = a.hash
      WHERE a.chain = $1
      ORDER BY a.chain_pos, a.id`,
    [chain],
  );
  const records = rows.map((r) => {
    const sealed: SealedRow = Object.fromEntries(SEALED_COLUMNS.audit_events.map((c) => [c, r[`sealed_${c}`]]));
    return {
      event: toProjectHistoryRow(r),
      proof: recordProof('audit_events', { ...sealed, prev_hash: r.prev_hash, hash: r.hash }, r.ledger_pos === null ? null : Number(r.ledger_pos)),
    };
  });
  return { chain, records, checkpoint: await latestCheckpoint(db) };
}
