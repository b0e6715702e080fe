// 存量项目导入 (issue 10): the project_imports and project_import_rows tables, and the user look-ups an import resolves.
import { recordAdminAudit } from '../admin/admin-audit';
import { inTransaction, isUniqueViolation, type Database, type Queryable } from '../database';

export interface ProjectImportRowRecord {
  row: number;
  projectId: string;
  workflowId: string;
  companyName: string;
  stage: string;
  started: boolean;
}

export interface ProjectImportRecord {
  id: string;
  importedBy: { userId: string; role: string; displayName: string | null };
  importedAt: Date;
  fileName: string | null;
  sha256: string;
  rowCount: number;
  status: 'starting' | 'started';
  startedCount: number;
  rows: ProjectImportRowRecord[];
}

export interface NewProjectImport {
  id: string;
  importedBy: { userId: string; role: string; displayName: string | null };
  importedAt: Date;
  fileName: string | null;
  sha256: string;
  /** `<userId>:<key>` when the client sent an Idempotency-Key. */
  idempotencyKey: string | null;
  rows: Array<Omit<ProjectImportRowRecord, 'started'>>;
}

interface ImportRow {
  id: string;
  imported_by: string;
  imported_by_role: string;
  imported_by_name: string | null;
  imported_at: Date;
  file_name: string | null;
  sha256: string;
  row_count: number;
  status: 'starting' | 'started';
  started_count: number;
}

async function withRows(db: Queryable, r: ImportRow | undefined): Promise<ProjectImportRecord | null> {
  if (!r) return null;
  const rows: Array<{ row_no: number; project_id: string; workflow_id: string; company_name: string; stage: string; started: boolean }> = await db.query(
    `SELECT row_no, project_id::text AS project_id, workflow_id, company_name, stage, started FROM project_import_rows WHERE import_id = $1 ORDER BY row_no`,
    [r.id],
  );
  return {
    id: r.id,
    importedBy: { userId: r.imported_by, role: r.imported_by_role, displayName: r.imported_by_name },
    importedAt: r.imported_at,
    fileName: r.file_name,
    sha256: r.sha256,
    rowCount: r.row_count,
    status: r.status,
    startedCount: r.started_count,
    rows: rows.map((x) => ({ row: x.row_no, projectId: x.project_id, workflowId: x.workflow_id, companyName: x.company_name, stage: x.stage, started: x.started })),
  };
}

const IMPORT_COLUMNS = `id::text AS id, imported_by::text AS imported_by, imported_by_role, imported_by_name, imported_at, file_name, sha256, row_count, status, started_count`;

/** The import with that id (a malformed id finds nothing). */
export async function findProjectImport(db: Queryable, id: string): Promise<ProjectImportRecord | null> {
  const [r]: ImportRow[] = await db.query(`SELECT ${IMPORT_COLUMNS} FROM project_imports WHERE id::text = $1`, [id]);
  return withRows(db, r);
}

/** An earlier import of the same content, or with the same (user-scoped) Idempotency-Key. */
export async function findEarlierProjectImport(db: Queryable, sha256: string, idempotencyKey: string | null): Promise<ProjectImportRecord | null> {
  const [r]: ImportRow[] = await db.query(
    `SELECT ${IMPORT_COLUMNS} FROM project_imports WHERE sha256 = $1 OR ($2::text IS NOT NULL AND idempotency_key = $2) ORDER BY (idempotency_key = $2) DESC NULLS LAST LIMIT 1`,
    [sha256, idempotencyKey],
  );
  return withRows(db, r);
}

/**
 * Records a new import with its rows and its admin audit event in one transaction. Answers null
 * when a concurrent request recorded the same content or key first (the caller reads that one).
 */
export async function insertProjectImport(db: Database, imp: NewProjectImport): Promise<'inserted' | 'exists'> {
  try {
    await inTransaction(db, async (tx) => {
      await tx.query(
        `INSERT INTO project_imports (id, imported_by, imported_by_role, imported_by_name, imported_at, file_name, sha256, idempotency_key, row_count, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'starting')`,
        [imp.id, imp.importedBy.userId, imp.importedBy.role, imp.importedBy.displayName, imp.importedAt, imp.fileName, imp.sha256, imp.idempotencyKey, imp.rows.length],
      );
      await tx.query(
        `INSERT INTO project_import_rows (import_id, row_no, project_id, workflow_id, company_name, stage)
         SELECT $1, r.row_no, r.project_id::uuid, r.workflow_id, r.company_name, r.stage
           FROM jsonb_to_recordset($2::jsonb) AS r(row_no int, project_id text, workflow_id text, company_name text, stage text)`,
        [imp.id, JSON.stringify(imp.rows.map((r) => ({ row_no: r.row, project_id: r.projectId, workflow_id: r.workflowId, company_name: r.companyName, stage: r.stage })))],
      );
      await recordAdminAudit(tx, {
        actor: { userId: imp.importedBy.userId, role: imp.importedBy.role },
        action: 'projects.imported',
        subject: `project_import:${imp.id}`,
        payload: { fileName: imp.fileName, sha256: imp.sha256, rowCount: imp.rows.length, projectIds: imp.rows.map((r) => r.projectId) },
      });
    });
    return 'inserted';
  } catch (err) {
    if (isUniqueViolation(err)) return 'exists';
    throw err;
  }
}

/** Marks rows whose workflow is started (or found started); the import is `started` once every row is. */
export async function markImportRowsStarted(db: Database, importId: string, rows: number[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (rows.length > 0) await tx.query(`UPDATE project_import_rows SET started = true WHERE import_id = $1 AND row_no = ANY($2::int[])`, [importId, rows]);
    await tx.query(
      `UPDATE project_imports i SET started_count = c.n, status = CASE WHEN c.n = i.row_count THEN 'started' ELSE 'starting' END, updated_at = now()
         FROM (SELECT count(*)::int AS n FROM project_import_rows WHERE import_id = $1 AND started) c
        WHERE i.id = $1`,
      [importId],
    );
  });
}

export interface ImportUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
}

/** Active users by username (those not found are absent from the map). */
export async function activeUsersByUsername(db: Queryable, usernames: readonly string[]): Promise<Map<string, ImportUser>> {
  if (usernames.length === 0) return new Map();
  const rows: Array<{ id: string; username: string; display_name: string; role: string }> = await db.query(
    `SELECT id::text AS id, username, display_name, role FROM users WHERE active AND username = ANY($1::text[])`,
    [[...new Set(usernames)]],
  );
  return new Map(rows.map((r) => [r.username, { id: r.id, username: r.username, displayName: r.display_name, role: r.role }]));
}
