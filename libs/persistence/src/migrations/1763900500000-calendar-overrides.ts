import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The administrators' corrections to the holiday dataset: a day declared a holiday (台风停工,
 * a local holiday) or a working day (a make-up day the dataset does not know yet). One row per
 * date, replaced or removed as decisions change; the history of every change is in
 * admin_audit_events, written in the same transaction, so this table only holds what is in force.
 */
export class CalendarOverrides1763900500000 implements MigrationInterface {
  name = 'CalendarOverrides1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_overrides (
        day date PRIMARY KEY,
        working boolean NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_overrides`);
  }
}
