import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 招商攻势 / 行动 (issue 10, item 6): a campaign with its period and targets, its roster of teams
 * (小分队, engineer B's `teams`) and officers, and the leaderboard frozen at the end of the period.
 *
 * A snapshot is the campaign's official result: once written it never changes, so its table is
 * guarded by the `immutable_rows` trigger, which also makes applyDatabaseRoles treat it as
 * append-only (zs_app gets SELECT and INSERT only, TRUNCATE refused).
 */
export class Campaigns1763901700000 implements MigrationInterface {
  name = 'Campaigns1763901700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        description text,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        targets jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_period_ck CHECK (starts_on <= ends_on)
      )`);
    // "Active at a date" is a range test on both ends.
    await q.query(`CREATE INDEX campaigns_period_idx ON campaigns (starts_on, ends_on)`);
    await q.query(`
      CREATE TABLE campaign_teams (
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams (id),
        PRIMARY KEY (campaign_id, team_id)
      )`);
    await q.query(`CREATE INDEX campaign_teams_team_idx ON campaign_teams (team_id)`);
    await q.query(`
      CREATE TABLE campaign_officers (
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        PRIMARY KEY (campaign_id, user_id)
      )`);
    await q.query(`CREATE INDEX campaign_officers_user_idx ON campaign_officers (user_id)`);
    await q.query(`
      CREATE TABLE campaign_snapshots (
        campaign_id uuid PRIMARY KEY REFERENCES campaigns (id),
        frozen_at timestamptz NOT NULL DEFAULT now(),
        frozen_by uuid NOT NULL REFERENCES users (id),
        leaderboard jsonb NOT NULL
      )`);
    await q.query(`CREATE TRIGGER campaign_snapshots_no_change BEFORE UPDATE OR DELETE ON campaign_snapshots FOR EACH ROW EXECUTE FUNCTION immutable_rows()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_snapshots`);
    await q.query(`DROP TABLE campaign_officers`);
    await q.query(`DROP TABLE campaign_teams`);
    await q.query(`DROP TABLE campaigns`);
  }
}
