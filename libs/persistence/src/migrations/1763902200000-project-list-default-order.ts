import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (bench:scale): GET /projects' default order, newest first (`-registeredAt`: registered_at
 * DESC NULLS LAST, id), matched by an index. The plain registered_at index read backwards gives
 * NULLS FIRST, so every list without a narrow filter sorted all 100,000 rows for a page of 20:
 * 110 ms → 7–11 ms on bench:scale's portfolio.
 */
export class ProjectListDefaultOrder1763902200000 implements MigrationInterface {
  name = 'ProjectListDefaultOrder1763902200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX projects_newest_first_idx ON projects (registered_at DESC NULLS LAST, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS projects_newest_first_idx`);
  }
}
