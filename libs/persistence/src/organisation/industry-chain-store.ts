// The registry of industry chains (八链两组一室, issue 10) with their 链长 (chief) and 分链长 (deputies).
import type { Queryable, Transaction } from '../database';
import type { IndustryChainKind } from '@zs/domain';
import { updatedRows } from './updated-rows';

export interface IndustryChainRecord {
  id: string;
  name: string;
  kind: IndustryChainKind;
  chiefUserId: string | null;
  deputyUserIds: string[];
  sortOrder: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface ChainRow {
  id: string;
  name: string;
  kind: IndustryChainKind;
  chief_user_id: string | null;
  deputy_user_ids: string[] | null;
  sort_order: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT c.id::text AS id, c.name, c.kind, c.chief_user_id::text AS chief_user_id, c.sort_order, c.active, c.created_at, c.updated_at,
         ARRAY(SELECT d.user_id::text FROM industry_chain_deputies d WHERE d.chain_id = c.id ORDER BY d.added_at, d.user_id) AS deputy_user_ids
    FROM industry_chains c`;

const toChain = (r: ChainRow): IndustryChainRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  chiefUserId: r.chief_user_id,
  deputyUserIds: r.deputy_user_ids ?? [],
  sortOrder: Number(r.sort_order),
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listIndustryChains(db: Queryable, f: { active?: boolean } = {}): Promise<IndustryChainRecord[]> {
  const rows: ChainRow[] = await db.query(`${SELECT} WHERE ($1::boolean IS NULL OR c.active = $1) ORDER BY c.sort_order, c.name`, [f.active ?? null]);
  return rows.map(toChain);
}

export async function findIndustryChain(db: Queryable, id: string): Promise<IndustryChainRecord | null> {
  const [row]: ChainRow[] = await db.query(`${SELECT} WHERE c.id::text = $1`, [id]);
  return row ? toChain(row) : null;
}

export async function lockIndustryChain(tx: Transaction, id: string): Promise<IndustryChainRecord | null> {
  const locked: unknown[] = await tx.query(`SELECT 1 FROM industry_chains WHERE id::text = $1 FOR UPDATE`, [id]);
  return locked.length ? findIndustryChain(tx, id) : null;
}

/** Whether another chain (not `exceptId`) has this name. */
export async function industryChainNameTaken(db: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM industry_chains WHERE name = $1 AND ($2::text IS NULL OR id::text <> $2)`, [name, exceptId ?? null]);
  return rows.length > 0;
}

export interface IndustryChainFields {
  name: string;
  kind: IndustryChainKind;
  chiefUserId: string | null;
  deputyUserIds: readonly string[];
  sortOrder: number;
}

export async function insertIndustryChain(tx: Transaction, c: IndustryChainFields): Promise<IndustryChainRecord> {
  const [{ id }]: { id: string }[] = await tx.query(
    `INSERT INTO industry_chains (name, kind, chief_user_id, sort_order) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
    [c.name, c.kind, c.chiefUserId, c.sortOrder],
  );
  await setDeputies(tx, id, c.deputyUserIds);
  return (await findIndustryChain(tx, id))!;
}

export async function updateIndustryChain(tx: Transaction, id: string, c: IndustryChainFields & { active: boolean }): Promise<IndustryChainRecord> {
  updatedRows(
    await tx.query(
      `UPDATE industry_chains SET name = $2, kind = $3, chief_user_id = $4, sort_order = $5, active = $6, updated_at = now() WHERE id::text = $1 RETURNING id`,
      [id, c.name, c.kind, c.chiefUserId, c.sortOrder, c.active],
    ),
  );
  await setDeputies(tx, id, c.deputyUserIds);
  return (await findIndustryChain(tx, id))!;
}

/** The next sort position (a new chain goes last). */
export async function nextIndustryChainSortOrder(db: Queryable): Promise<number> {
  const [row]: { next: number }[] = await db.query(`SELECT coalesce(max(sort_order), 0) + 1 AS next FROM industry_chains`);
  return Number(row.next);
}

async function setDeputies(tx: Transaction, chainId: string, userIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM industry_chain_deputies WHERE chain_id::text = $1 AND NOT (user_id::text = ANY($2::text[]))`, [chainId, [...userIds]]);
  for (const userId of userIds) {
    await tx.query(`INSERT INTO industry_chain_deputies (chain_id, user_id, added_at) VALUES ($1::uuid, $2::uuid, clock_timestamp()) ON CONFLICT DO NOTHING`, [chainId, userId]);
  }
}
