import type { AnnualTarget, TargetScopeKind } from '@zs/domain';
import type { Queryable, Transaction } from '../database';

interface TargetRow {
  year: number;
  scope_kind: TargetScopeKind;
  scope_id: string;
  contract_investment_yi: string | null;
  funds_in_place_yi: string | null;
  count_ge1: number | null;
  count_ge5: number | null;
  count_ge10: number | null;
  fortune500_count: number | null;
  updated_by: string;
  updated_at: Date;
}

export interface StoredTarget extends AnnualTarget {
  updatedBy: string;
  updatedAt: Date;
}

// numeric comes back as a string from pg: exact in the database, a JS number here (4 decimals).
const num = (v: string | null) => (v === null ? null : Number(v));

function toTarget(r: TargetRow): StoredTarget {
  return {
    year: r.year,
    scopeKind: r.scope_kind,
    scopeId: r.scope_id,
    contractInvestmentYi: num(r.contract_investment_yi),
    fundsInPlaceYi: num(r.funds_in_place_yi),
    countGe1: r.count_ge1,
    countGe5: r.count_ge5,
    countGe10: r.count_ge10,
    fortune500Count: r.fortune500_count,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

const COLUMNS = `year, scope_kind, scope_id, contract_investment_yi, funds_in_place_yi, count_ge1, count_ge5, count_ge10, fortune500_count, updated_by, updated_at`;

/** The target as it was before an upsert (for the audit record), or null when new; locks the row. */
export async function lockTarget(tx: Transaction, year: number, scopeKind: TargetScopeKind, scopeId: string): Promise<StoredTarget | null> {
  const rows: TargetRow[] = await tx.query(`SELECT ${COLUMNS} FROM targets WHERE year = $1 AND scope_kind = $2 AND scope_id = $3 FOR UPDATE`, [year, scopeKind, scopeId]);
  return rows[0] ? toTarget(rows[0]) : null;
}

/** Sets one scope's annual target (every measure is replaced: an omitted one becomes "not set"). */
export async function upsertTarget(tx: Transaction, target: AnnualTarget, updatedBy: string): Promise<StoredTarget> {
  const rows: TargetRow[] = await tx.query(
    `INSERT INTO targets (year, scope_kind, scope_id, contract_investment_yi, funds_in_place_yi, count_ge1, count_ge5, count_ge10, fortune500_count, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (year, scope_kind, scope_id) DO UPDATE SET
       contract_investment_yi = EXCLUDED.contract_investment_yi, funds_in_place_yi = EXCLUDED.funds_in_place_yi,
       count_ge1 = EXCLUDED.count_ge1, count_ge5 = EXCLUDED.count_ge5, count_ge10 = EXCLUDED.count_ge10,
       fortune500_count = EXCLUDED.fortune500_count, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING ${COLUMNS}`,
    [
      target.year,
      target.scopeKind,
      target.scopeId,
      target.contractInvestmentYi,
      target.fundsInPlaceYi,
      target.countGe1,
      target.countGe5,
      target.countGe10,
      target.fortune500Count,
      updatedBy,
    ],
  );
  return toTarget(rows[0]);
}

export async function listTargets(db: Queryable, year: number, scopeKind?: TargetScopeKind): Promise<StoredTarget[]> {
  const rows: TargetRow[] = await db.query(
    `SELECT ${COLUMNS} FROM targets WHERE year = $1 AND ($2::text IS NULL OR scope_kind = $2) ORDER BY scope_kind, scope_id`,
    [year, scopeKind ?? null],
  );
  return rows.map(toTarget);
}
