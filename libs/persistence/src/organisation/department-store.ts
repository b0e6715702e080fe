// The departments table (issue 10): the bureaus, 直属部门 and external departments, with their hierarchy.
import type { DepartmentKind } from '@zs/domain';
import type { Queryable, Transaction } from '../database';
import { updatedRows } from './updated-rows';


export interface DepartmentRecord {
  id: string;
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  kind: DepartmentKind;
  parent_id: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id::text AS id, code, name, kind, parent_id::text AS parent_id, active, created_at, updated_at`;

const toDepartment = (r: DepartmentRow): DepartmentRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface DepartmentFilter {
  kind?: DepartmentKind;
  active?: boolean;
}

/** Every department matching the filter, by kind then code (a zone has tens, not thousands: no paging). */
export async function listDepartments(db: Queryable, f: DepartmentFilter = {}): Promise<DepartmentRecord[]> {
  const rows: DepartmentRow[] = await db.query(
    `SELECT ${COLUMNS} FROM departments
      WHERE ($1::text IS NULL OR kind = $1) AND ($2::boolean IS NULL OR active = $2)
      ORDER BY array_position(ARRAY['bureau','direct','external'], kind), code`,
    [f.kind ?? null, f.active ?? null],
  );
  return rows.map(toDepartment);
}

export async function findDepartment(db: Queryable, id: string): Promise<DepartmentRecord | null> {
  const [row]: DepartmentRow[] = await db.query(`SELECT ${COLUMNS} FROM departments WHERE id::text = $1`, [id]);
  return row ? toDepartment(row) : null;
}

/** The department a service request may be dispatched to under this name or code: registered and active. */
export async function findActiveDepartmentByNameOrCode(db: Queryable, nameOrCode: string): Promise<DepartmentRecord | null> {
  const [row]: DepartmentRow[] = await db.query(`SELECT ${COLUMNS} FROM departments WHERE active AND (name = $1 OR code = $1) ORDER BY name = $1 DESC LIMIT 1`, [
    nameOrCode.trim(),
  ]);
  return row ? toDepartment(row) : null;
}

/** Who holds this code or name already (for a 409 naming the field), other than `exceptId`. */
export async function departmentConflicts(db: Queryable, v: { code?: string; name?: string }, exceptId?: string): Promise<{ code: boolean; name: boolean }> {
  const [row]: { code: boolean; name: boolean }[] = await db.query(
    `SELECT coalesce(bool_or(code = $1), false) AS code, coalesce(bool_or(name = $2), false) AS name
       FROM departments WHERE (code = $1 OR name = $2) AND ($3::text IS NULL OR id::text <> $3)`,
    [v.code ?? null, v.name ?? null, exceptId ?? null],
  );
  return row;
}

/** Whether making `parentId` the parent of `id` would close a loop in the hierarchy. */
export async function wouldCycle(db: Queryable, id: string, parentId: string): Promise<boolean> {
  const [row]: { cycle: boolean }[] = await db.query(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM departments WHERE id::text = $2
       UNION ALL SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)
     SELECT EXISTS (SELECT 1 FROM up WHERE id::text = $1) AS cycle`,
    [id, parentId],
  );
  return row.cycle;
}

export interface NewDepartment {
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId: string | null;
}

export async function insertDepartment(tx: Transaction, d: NewDepartment): Promise<DepartmentRecord> {
  const [row]: DepartmentRow[] = await tx.query(`INSERT INTO departments (code, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
    d.code,
    d.name,
    d.kind,
    d.parentId,
  ]);
  return toDepartment(row);
}

/** Reads the department under a row lock (the state an audited change starts from). */
export async function lockDepartment(tx: Transaction, id: string): Promise<DepartmentRecord | null> {
  const [row]: DepartmentRow[] = await tx.query(`SELECT ${COLUMNS} FROM departments WHERE id::text = $1 FOR UPDATE`, [id]);
  return row ? toDepartment(row) : null;
}

export async function updateDepartment(tx: Transaction, id: string, d: Omit<DepartmentRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<DepartmentRecord> {
  const [row] = updatedRows<DepartmentRow>(
    await tx.query(
    `UPDATE departments SET code = $2, name = $3, kind = $4, parent_id = $5, active = $6, updated_at = now() WHERE id::text = $1 RETURNING ${COLUMNS}`,
      [id, d.code, d.name, d.kind, d.parentId, d.active],
    ),
  );
  return toDepartment(row);
}

/** How many active users and active child departments still belong to the department (a deactivation leaves them as they are, but says so). */
export async function departmentDependants(db: Queryable, id: string): Promise<{ activeUsers: number; activeChildren: number }> {
  const [row]: { active_users: string; active_children: string }[] = await db.query(
    `SELECT (SELECT count(*) FROM users WHERE department_id::text = $1 AND active) AS active_users,
            (SELECT count(*) FROM departments WHERE parent_id::text = $1 AND active) AS active_children`,
    [id],
  );
  return { activeUsers: Number(row.active_users), activeChildren: Number(row.active_children) };
}
