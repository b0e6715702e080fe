import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a clock breached. The deadline column moves with every later pause, so the breach
 * instant is kept apart, fixed by the first event that sees the clock overdue (a pause is an
 * event of its own, so no paused time can slip in between).
 */
export class SlaClockBreachedAt1763900800000 implements MigrationInterface {
  name = 'SlaClockBreachedAt1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla_clocks ADD COLUMN breached_at timestamptz`);
    // Rows written before: the best known value is the deadline they carry now.
    await q.query(`UPDATE sla_clocks SET breached_at = deadline_at WHERE status IN ('overdue', 'met_late')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla_clocks DROP COLUMN breached_at`);
  }
}
