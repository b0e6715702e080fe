import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 存量项目导入 (issue 10, item 9): one row per import (who, when, which file and its SHA-256,
 * how many rows, how far the start of its workflows got) and one per imported row (the project
 * and workflow ids derived from the import and the row, so a retried import starts nothing
 * twice). The file hash is unique: the same file imported again returns the first import; the
 * Idempotency-Key (scoped to its user) is unique too.
 */
export class Imports1763901800000 implements MigrationInterface {
  name = 'Imports1763901800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_imports (
        id uuid PRIMARY KEY,
        imported_by uuid NOT NULL REFERENCES users (id),
        imported_by_role text NOT NULL,
        imported_by_name text,
        imported_at timestamptz NOT NULL,
        file_name text,
        sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        idempotency_key text UNIQUE,
        row_count integer NOT NULL CHECK (row_count BETWEEN 1 AND 500),
        status text NOT NULL CHECK (status IN ('starting', 'started')),
        started_count integer NOT NULL DEFAULT 0 CHECK (started_count >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE project_import_rows (
        import_id uuid NOT NULL REFERENCES project_imports (id),
        row_no integer NOT NULL CHECK (row_no >= 1),
        project_id uuid NOT NULL UNIQUE,
        workflow_id text NOT NULL UNIQUE,
        company_name text NOT NULL,
        stage text NOT NULL,
        started boolean NOT NULL DEFAULT false,
        PRIMARY KEY (import_id, row_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_import_rows`);
    await q.query(`DROP TABLE project_imports`);
  }
}
