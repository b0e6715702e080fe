import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (KPIs at 100,000 projects): the API keeps every project's KPI facts in memory and reads
 * only what changed since its last read, instead of all of them after any change.
 *
 * Each row of `project_facts` and `service_requests` carries the id of the transaction that last
 * wrote it (`change_xid`, xid8: 64 bits, never wraps), stamped by a trigger, so every writer
 * (projection, backfill, bench) is covered. A reader notes its snapshot's xmin; any row its
 * snapshot could not see was written by a transaction with an id at or above it, so the next read
 * asks for `change_xid >= that xmin` (an index range) and misses nothing. Rows it already had may
 * come again: applying them twice is harmless.
 */
export class KpiSourceChanges1763902300000 implements MigrationInterface {
  name = 'KpiSourceChanges1763902300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION stamp_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change_xid := pg_current_xact_id();
        RETURN NEW;
      END $$`);
    for (const table of ['project_facts', 'service_requests']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
      await q.query(`CREATE TRIGGER ${table}_change_xid BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION stamp_change_xid()`);
      await q.query(`CREATE INDEX ${table}_change_xid_idx ON ${table} (change_xid)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['project_facts', 'service_requests']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_change_xid ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS change_xid`);
    }
    await q.query(`DROP FUNCTION IF EXISTS stamp_change_xid()`);
  }
}
