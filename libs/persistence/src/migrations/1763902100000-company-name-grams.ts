import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (bench:scale: name search p95 280 ms at 100,000 projects): a name's character bigrams as
 * written, lower-cased (substringGrams of @zs/domain), under a GIN index. A substring search
 * (GET /projects?q=) first keeps the rows holding every bigram of the text, then checks ILIKE on
 * those: pg_trgm extracts no trigram from Chinese under the C ctype, so its index sent every row
 * to the recheck. Backfilled here in SQL the way substringGrams computes it (lower(), distinct pairs).
 */
export class CompanyNameGrams1763902100000 implements MigrationInterface {
  name = 'CompanyNameGrams1763902100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects ADD COLUMN company_name_grams text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      UPDATE projects SET company_name_grams = coalesce(
        (SELECT array_agg(DISTINCT substr(lower(company_name), i, 2) ORDER BY substr(lower(company_name), i, 2))
           FROM generate_series(1, char_length(company_name) - 1) AS i),
        '{}')`);
    await q.query(`CREATE INDEX projects_company_name_grams_idx ON projects USING gin (company_name_grams)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS projects_company_name_grams_idx`);
    await q.query(`ALTER TABLE projects DROP COLUMN company_name_grams`);
  }
}
