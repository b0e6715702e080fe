import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (bench:scale, 100,000 projects): GET /projects counts every match exactly, and a broad
 * flag (information grade, kind, channel, 500强, 专精特新, imported …) was counted by reading the
 * whole table (157 MB: 70–140 ms). Each filter column now has an index, so a count reads index
 * entries only (`infoGrade=A`, a third of the table: 137 → 5 ms). Low-cardinality flags get plain
 * btrees, not partial ones: `=false` is a filter too. (The 500强 lists had a GIN index the list
 * query could not use with `= ANY`; it now asks `@>`.)
 *
 * The usual direction of each other sort gets an index matching its ORDER BY (`… NULLS LAST, id`),
 * so a page is read off it instead of sorting every match: name A→Z, signing either way, the rest
 * newest or largest first. The opposite directions still sort (about 90 ms over 100,000 rows):
 * one more index per column on a table the projection rewrites at every step was not worth it.
 *
 * The investment index (1763901500000) gets the two amounts as INCLUDE columns: without them the
 * planner will not count from an expression index alone, and `band=ge10` (71 % of the table) was
 * counted by reading the whole table (110 ms → 14 ms).
 *
 * The trigram index on company_name goes: it extracts no trigram from a Chinese name (C ctype),
 * so for a whole name the planner took it for the ILIKE and rechecked all 100,000 rows (280 ms),
 * where company_name_grams (1763902100000) finds the one row in 1 ms. Those bigrams serve Latin
 * names as well (lower-cased), so nothing needs trigrams any more.
 */
const FILTER_INDEXES: Array<[name: string, definition: string]> = [
  ['projects_info_grade_idx', '(info_grade)'],
  ['projects_kind_idx', '(kind)'],
  ['projects_source_channel_idx', '(source_channel)'],
  ['projects_fortune500_idx', '(fortune500)'],
  ['projects_listed_company_idx', '(listed_company)'],
  ['projects_specialized_sme_idx', '(specialized_sme)'],
  ['projects_specialized_sme_level_idx', '(specialized_sme_level)'],
  ['projects_origin_idx', '(origin)'],
  ['projects_imported_idx', '(imported)'],
];

/** INVESTMENT_SQL of the list, as an index expression. */
const INVESTMENT = '(COALESCE(contract_investment_yi, estimated_investment_yi))';

const SORT_INDEXES: Array<[name: string, definition: string]> = [
  ['projects_name_order_idx', '(company_name ASC NULLS LAST, id)'],
  ['projects_updated_order_idx', '(updated_at DESC NULLS LAST, id)'],
  ['projects_estimate_order_idx', '(estimated_investment_yi DESC NULLS LAST, id)'],
  ['projects_investment_order_idx', `(${INVESTMENT} DESC NULLS LAST, id)`],
  // Signing dates both ways: unsigned projects come last in either, which one index cannot give.
  ['projects_signed_order_idx', '(signed_on DESC NULLS LAST, id)'],
  ['projects_signed_first_order_idx', '(signed_on ASC NULLS LAST, id)'],
];

export class ProjectListIndexes1763902400000 implements MigrationInterface {
  name = 'ProjectListIndexes1763902400000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition] of [...FILTER_INDEXES, ...SORT_INDEXES]) {
      await q.query(`CREATE INDEX ${name} ON projects ${definition}`);
    }
    await q.query(`DROP INDEX IF EXISTS projects_company_name_trgm_idx`);
    await q.query(`DROP INDEX projects_investment_idx`);
    await q.query(`CREATE INDEX projects_investment_idx ON projects (${INVESTMENT}) INCLUDE (contract_investment_yi, estimated_investment_yi)`);
    // An expression index has no statistics until the next ANALYZE, which autovacuum may not run for
    // a long while on a large table: meanwhile the planner guessed 500 of 50,000 investments in a
    // range and sorted them all instead of walking newest-first (340 ms against 0.4 ms).
    await q.query(`ANALYZE projects`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...FILTER_INDEXES, ...SORT_INDEXES]) await q.query(`DROP INDEX IF EXISTS ${name}`);
    await q.query(`CREATE INDEX IF NOT EXISTS projects_company_name_trgm_idx ON projects USING gin (company_name gin_trgm_ops)`);
    await q.query(`DROP INDEX projects_investment_idx`);
    await q.query(`CREATE INDEX projects_investment_idx ON projects (${INVESTMENT})`);
  }
}
