import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillProjectFacts } from '../kpis/project-facts-store';

/**
 * KPIs and targets (issue 10, items 5 and 7).
 * - `project_facts`: the compact facts every KPI is computed from (toProjectFacts of the project's
 *   state), written by the projection in the same transaction as the read model; the indexed
 *   columns are the groupings and filters of GET /kpis. Backfilled here from projects.state
 *   (idempotent; `npm run kpi:backfill` recomputes them after a change of the facts' shape).
 * - `targets`: the annual targets per department, team, officer or the zone; changed only by
 *   PUT /targets, audited in the admin chain. Both are ordinary (updatable) tables.
 */
export class KpiFactsTargets1763901600000 implements MigrationInterface {
  name = 'KpiFactsTargets1763901600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_facts (
        project_id uuid PRIMARY KEY,
        facts jsonb NOT NULL,
        last_seq integer NOT NULL DEFAULT 0,
        owner_user_id text,
        owner_team_id text,
        owner_department_id text,
        reporter_user_id text,
        reporter_department_id text,
        industry_chain text,
        campaign_id text,
        registered_at timestamptz NOT NULL,
        signed_on date,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const column of ['owner_user_id', 'owner_team_id', 'owner_department_id', 'reporter_user_id', 'industry_chain', 'campaign_id', 'registered_at', 'signed_on']) {
      await q.query(`CREATE INDEX project_facts_${column}_idx ON project_facts (${column})`);
    }
    await q.query(`
      CREATE TABLE targets (
        id bigserial PRIMARY KEY,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        scope_kind text NOT NULL CHECK (scope_kind IN ('department', 'team', 'officer', 'zone')),
        scope_id text NOT NULL CHECK (length(btrim(scope_id)) BETWEEN 1 AND 200),
        contract_investment_yi numeric(14, 4) CHECK (contract_investment_yi >= 0),
        funds_in_place_yi numeric(14, 4) CHECK (funds_in_place_yi >= 0),
        count_ge1 integer CHECK (count_ge1 >= 0),
        count_ge5 integer CHECK (count_ge5 >= 0),
        count_ge10 integer CHECK (count_ge10 >= 0),
        fortune500_count integer CHECK (fortune500_count >= 0),
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (year, scope_kind, scope_id)
      )`);
    await backfillProjectFacts(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS targets`);
    await q.query(`DROP TABLE IF EXISTS project_facts`);
  }
}
