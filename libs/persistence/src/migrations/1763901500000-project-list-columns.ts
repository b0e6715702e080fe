import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameBigrams, normaliseCompanyName } from '@zs/domain';

/**
 * Issue 10, items 4 and 8: the columns `GET /projects` filters and sorts on, and the ones duplicate
 * detection searches, taken out of the `state` jsonb (written by writeProjectReadModel from then
 * on; backfilled here from the states already stored). Ids of people, teams, departments and
 * campaigns are text, like `registered_by`: a state carries them as strings and a filter compares
 * them as such (join on `id::text`). pg_trgm (shipped with PostgreSQL's contrib, present in the
 * embedded PostgreSQL binaries and in the Debian server package) serves ILIKE searches of Latin
 * names; Chinese names are compared on character bigrams (name_bigrams, see nameBigrams) because
 * pg_trgm drops every character the database's LC_CTYPE does not call alphanumeric, and the
 * embedded PostgreSQL runs with LC_CTYPE C, under which no Chinese character is.
 */
export class ProjectListColumns1763901500000 implements MigrationInterface {
  name = 'ProjectListColumns1763901500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      ALTER TABLE projects
        ADD COLUMN normalized_name text,
        ADD COLUMN name_bigrams text[] NOT NULL DEFAULT '{}',
        ADD COLUMN credit_code text,
        ADD COLUMN fortune500 boolean NOT NULL DEFAULT false,
        ADD COLUMN fortune500_lists text[] NOT NULL DEFAULT '{}',
        ADD COLUMN listed_company boolean,
        ADD COLUMN specialized_sme boolean NOT NULL DEFAULT false,
        ADD COLUMN specialized_sme_level text,
        ADD COLUMN origin text,
        ADD COLUMN reporter_user_id text,
        ADD COLUMN reporter_department_id text,
        ADD COLUMN owner_user_id text,
        ADD COLUMN owner_team_id text,
        ADD COLUMN owner_department_id text,
        ADD COLUMN campaign_id text,
        ADD COLUMN signed_on date,
        ADD COLUMN contract_investment_yi numeric(14,4),
        ADD COLUMN imported boolean NOT NULL DEFAULT false`);

    // Backfill from the stored states (a project recorded before issue 10 has no ownership: its reporter registered it).
    await q.query(`
      UPDATE projects SET
        credit_code = NULLIF(state->'lead'->>'creditCode', ''),
        fortune500 = COALESCE((state->'lead'->>'fortune500')::boolean, false),
        fortune500_lists = COALESCE(ARRAY(SELECT jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(state->'lead'->'fortune500Lists') = 'array' THEN state->'lead'->'fortune500Lists' ELSE '[]'::jsonb END)), '{}'),
        listed_company = (state->'lead'->>'listedCompany')::boolean,
        specialized_sme = COALESCE((state->'lead'->>'specializedSme')::boolean, false),
        specialized_sme_level = state->'lead'->>'specializedSmeLevel',
        origin = state->'lead'->>'origin',
        reporter_user_id = COALESCE(state->'ownership'->'reporter'->>'userId', registered_by),
        reporter_department_id = COALESCE(state->'ownership'->'reporter'->>'departmentId', state->'registeredBy'->>'departmentId'),
        owner_user_id = state->'ownership'->'owner'->>'userId',
        owner_team_id = state->'ownership'->'owner'->>'teamId',
        owner_department_id = state->'ownership'->'owner'->>'departmentId',
        campaign_id = state->'ownership'->>'campaignId',
        signed_on = (state->'contract'->>'signedOn')::date,
        contract_investment_yi = (state->'contract'->>'contractInvestmentYi')::numeric,
        imported = COALESCE(jsonb_typeof(state->'imported') = 'object', false)`);
    // The normalised name and its bigrams are the domain's functions (NFKC, suffixes), not SQL's: computed here, in batches
    // (bigrams joined with '|', which normalisation removes as punctuation).
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const rows: Array<{ id: string; company_name: string }> = await q.query(
        `SELECT id, company_name FROM projects WHERE id > $1 ORDER BY id LIMIT 1000`,
        [after],
      );
      if (rows.length === 0) break;
      await q.query(
        `UPDATE projects p SET normalized_name = v.name, name_bigrams = string_to_array(v.grams, '|')
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, name, grams) WHERE p.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => normaliseCompanyName(r.company_name)), rows.map((r) => nameBigrams(normaliseCompanyName(r.company_name)).join('|'))],
      );
      after = rows[rows.length - 1].id;
    }
    await q.query(`ALTER TABLE projects ALTER COLUMN normalized_name SET NOT NULL`);

    // Filters (btree), duplicate detection and name search (trigram).
    await q.query(`CREATE INDEX projects_registered_at_idx ON projects (registered_at)`);
    await q.query(`CREATE INDEX projects_signed_on_idx ON projects (signed_on) WHERE signed_on IS NOT NULL`);
    await q.query(`CREATE INDEX projects_investment_idx ON projects ((COALESCE(contract_investment_yi, estimated_investment_yi)))`);
    await q.query(`CREATE INDEX projects_reporter_idx ON projects (reporter_user_id)`);
    await q.query(`CREATE INDEX projects_reporter_department_idx ON projects (reporter_department_id)`);
    await q.query(`CREATE INDEX projects_owner_idx ON projects (owner_user_id)`);
    await q.query(`CREATE INDEX projects_owner_team_idx ON projects (owner_team_id)`);
    await q.query(`CREATE INDEX projects_owner_department_idx ON projects (owner_department_id)`);
    await q.query(`CREATE INDEX projects_campaign_idx ON projects (campaign_id)`);
    await q.query(`CREATE INDEX projects_credit_code_idx ON projects (credit_code) WHERE credit_code IS NOT NULL`);
    await q.query(`CREATE INDEX projects_normalized_name_idx ON projects (normalized_name)`);
    await q.query(`CREATE INDEX projects_fortune500_lists_idx ON projects USING gin (fortune500_lists)`);
    await q.query(`CREATE INDEX projects_company_name_trgm_idx ON projects USING gin (company_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX projects_name_bigrams_idx ON projects USING gin (name_bigrams)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'registered_at', 'signed_on', 'investment', 'reporter', 'reporter_department', 'owner', 'owner_team', 'owner_department',
      'campaign', 'credit_code', 'normalized_name', 'fortune500_lists', 'company_name_trgm', 'name_bigrams',
    ]) {
      await q.query(`DROP INDEX IF EXISTS projects_${index}_idx`);
    }
    await q.query(`
      ALTER TABLE projects
        DROP COLUMN normalized_name, DROP COLUMN name_bigrams, DROP COLUMN credit_code, DROP COLUMN fortune500, DROP COLUMN fortune500_lists,
        DROP COLUMN listed_company, DROP COLUMN specialized_sme, DROP COLUMN specialized_sme_level, DROP COLUMN origin,
        DROP COLUMN reporter_user_id, DROP COLUMN reporter_department_id, DROP COLUMN owner_user_id, DROP COLUMN owner_team_id,
        DROP COLUMN owner_department_id, DROP COLUMN campaign_id, DROP COLUMN signed_on, DROP COLUMN contract_investment_yi,
        DROP COLUMN imported`);
    // pg_trgm stays: dropping an extension other objects may use is not this migration's to decide.
  }
}
