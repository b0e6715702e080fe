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

/** Filters of GET /kpis, on the indexed columns (all by the owner's credit except chain and campaign). */
export interface ProjectFactsFilter {
  departmentId?: string;
  teamId?: string;
  officerId?: string;
  chain?: string;
  campaignId?: string;
}

function whereOf(filter: ProjectFactsFilter, alias = 'pf'): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    clauses.push(`${alias}.${column} = $${params.length}`);
  };
  add('owner_department_id', filter.departmentId);
  add('owner_team_id', filter.teamId);
  add('owner_user_id', filter.officerId);
  add('industry_chain', filter.chain);
  add('campaign_id', filter.campaignId);
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export async function readProjectFacts(db: Queryable, filter: ProjectFactsFilter = {}): Promise<ProjectFacts[]> {
  const { sql, params } = whereOf(filter);
  const rows: Array<{ facts: ProjectFacts }> = await db.query(`SELECT pf.facts FROM project_facts pf ${sql}`, params);
  return rows.map((r) => r.facts);
}

/** The service requests of the projects the filter selects, as KPI facts. */
export async function readServiceRequestFacts(db: Queryable, filter: ProjectFactsFilter = {}): Promise<ServiceRequestFacts[]> {
  const { sql, params } = whereOf(filter);
  const rows: Array<{ state: ServiceRequestState }> = await db.query(
    `SELECT sr.state FROM service_requests sr JOIN project_facts pf ON pf.project_id = sr.project_id ${sql}`,
    params,
  );
  return rows.map((r) => toServiceRequestFacts(r.state));
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

/**
 * A token that changes whenever any KPI source row changes: every rewrite of a project_facts row
 * gives it a new xmin (the writing transaction), and a service request's last_seq only grows. Lets
 * the API keep the facts it read (about 16 MB of JSON for 10,000 projects) until something moved.
 */
export async function kpiSourceVersion(db: Queryable): Promise<string> {
  const [row]: Array<{ facts: string; requests: string }> = await db.query(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM project_facts) AS facts,
            (SELECT count(*) || ':' || coalesce(sum(last_seq), 0) FROM service_requests) AS requests`,
  );
  return `${row.facts}/${row.requests}`;
}
