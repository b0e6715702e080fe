import { toProjectFacts, toServiceRequestFacts, type ProjectFacts, type ProjectState, type ServiceRequestFacts, type ServiceRequestState } from '@zs/domain';
import type { Queryable, Transaction } from '../database';

const INSERT = `
  INSERT INTO project_facts
    (project_id, facts, last_seq, owner_user_id, owner_team_id, owner_department_id, reporter_user_id,
     reporter_department_id, industry_chain, campaign_id, registered_at, signed_on, updated_at)
  VALUES`;
const ON_CONFLICT = `
  ON CONFLICT (project_id) DO UPDATE SET
    facts = EXCLUDED.facts, last_seq = EXCLUDED.last_seq, owner_user_id = EXCLUDED.owner_user_id,
    owner_team_id = EXCLUDED.owner_team_id, owner_department_id = EXCLUDED.owner_department_id,
    reporter_user_id = EXCLUDED.reporter_user_id, reporter_department_id = EXCLUDED.reporter_department_id,
    industry_chain = EXCLUDED.industry_chain, campaign_id = EXCLUDED.campaign_id,
    registered_at = EXCLUDED.registered_at, signed_on = EXCLUDED.signed_on, updated_at = now()
  WHERE project_facts.last_seq <= EXCLUDED.last_seq`;
const COLUMN_COUNT = 12;
const tuple = (offset: number) => `(${Array.from({ length: COLUMN_COUNT }, (_, i) => `$${offset + i + 1}`).join(', ')}, now())`;
const UPSERT = `${INSERT} ${tuple(0)} ${ON_CONFLICT}`;

/** The row for a set of facts (exported for the benchmark, which inserts facts directly). */
export function projectFactsParams(facts: ProjectFacts, seq: number): unknown[] {
  return [
    facts.projectId,
    JSON.stringify(facts),
    seq,
    facts.owner?.userId ?? null,
    facts.owner?.teamId ?? null,
    facts.owner?.departmentId ?? null,
    facts.reporter?.userId ?? null,
    facts.reporter?.departmentId ?? null,
    facts.industryChain || null,
    facts.campaignId,
    new Date(facts.registeredAt),
    facts.signedOn,
  ];
}

/**
 * Refreshes a project's KPI facts from its state, in the projection's transaction (right after the
 * read model). Forward only, like the read model: an older batch retried late changes nothing
 * (`<=` so that a recomputation at the same sequence, e.g. the backfill, may rewrite it).
 */
export async function writeProjectFacts(tx: Transaction | Queryable, state: ProjectState): Promise<void> {
  await tx.query(UPSERT, projectFactsParams(toProjectFacts(state), state.seq));
}

/**
 * Recomputes every project's facts from projects.state (idempotent): run by the migration that
 * created the table and by `npm run kpi:backfill` after a change of toProjectFacts. Batched by id.
 */
export async function backfillProjectFacts(db: Queryable, batchSize = 500): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const rows: Array<{ id: string; state: ProjectState }> = await db.query(`SELECT id, state FROM projects WHERE id > $1 ORDER BY id LIMIT $2`, [after, batchSize]);
    if (rows.length === 0) return total;
    for (const row of rows) await db.query(UPSERT, projectFactsParams(toProjectFacts(row.state), row.state.seq));
    total += rows.length;
    after = rows[rows.length - 1].id;
  }
}

/** What changed in the KPI sources since a reader's last horizon (readKpiSourceChanges). */
export interface KpiSourceChanges<F = ProjectFacts> {
  /** Pass this as `since` next time. */
  horizon: string;
  /** Every row, not only the changed ones: the first read, or a database whose transaction ids went back (restored elsewhere). */
  complete: boolean;
  facts: F[];
  services: ServiceRequestFacts[];
}

/** Rows of project_facts parsed at once in a complete read. */
const COMPLETE_READ_BATCH = 2_000;

/**
 * The KPI facts and service requests written since `since` (null: all of them), and the horizon
 * to ask from next time: the xmin of a snapshot taken before the rows are read. Every row that
 * snapshot could not see was written by a transaction at or above it (migration
 * 1763902300000-kpi-source-changes), so nothing committed later is missed; a row may come twice.
 * Each project's facts are handed to `keep` as they are read, and only what it returns is kept:
 * a complete read parses 2,000 rows at a time, so a reader that keeps less than the whole facts
 * (the API: toKpiFacts, pooled) never holds every project's parsed row at once. Reading in
 * batches, each in its own snapshot, keeps the rule: each sees everything the first one did.
 */
export async function readKpiSourceChanges<F = ProjectFacts>(
  db: Queryable,
  since: string | null,
  keep: (facts: ProjectFacts) => F = (f) => f as unknown as F,
  batchSize = COMPLETE_READ_BATCH,
): Promise<KpiSourceChanges<F>> {
  const [{ horizon }]: Array<{ horizon: string }> = await db.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
  const complete = since === null || BigInt(horizon) < BigInt(since);
  const facts: F[] = [];
  if (complete) {
    let after: string | null = null;
    for (;;) {
      const rows: Array<{ id: string; facts: ProjectFacts }> = await db.query(
        after === null
          ? `SELECT project_id AS id, facts FROM project_facts ORDER BY project_id LIMIT $1`
          : `SELECT project_id AS id, facts FROM project_facts WHERE project_id > $2 ORDER BY project_id LIMIT $1`,
        after === null ? [batchSize] : [batchSize, after],
      );
      for (const row of rows) facts.push(keep(row.facts));
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1].id;
    }
  } else {
    const rows: Array<{ facts: ProjectFacts }> = await db.query(`SELECT facts FROM project_facts WHERE change_xid >= $1::xid8`, [since]);
    for (const row of rows) facts.push(keep(row.facts));
  }
  const where = complete ? '' : 'WHERE change_xid >= $1::xid8';
  const services: Array<{ state: ServiceRequestState }> = await db.query(`SELECT state FROM service_requests ${where}`, complete ? [] : [since]);
  return { horizon, complete, facts, services: services.map((r) => toServiceRequestFacts(r.state)) };
}

/**
 * Writes ready-made facts (no project state behind them), many rows per statement: for the KPI
 * benchmark and for tests that need dates the workflow would not accept today (e.g. a first half
 * year already past). Never used by the engine itself, whose facts come from writeProjectFacts.
 */
export async function insertProjectFacts(db: Queryable, facts: readonly ProjectFacts[], chunkSize = 500): Promise<void> {
  for (let i = 0; i < facts.length; i += chunkSize) {
    const chunk = facts.slice(i, i + chunkSize);
    const tuples = chunk.map((_, n) => tuple(n * COLUMN_COUNT));
    await db.query(`${INSERT} ${tuples.join(', ')} ${ON_CONFLICT}`, chunk.flatMap((f) => projectFactsParams(f, 0)));
  }
}
