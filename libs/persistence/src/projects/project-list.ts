// GET /projects: the projects read model filtered, searched, sorted and paged (issue 10, item 8).
import { NAME_SEARCH_COVERAGE, nameBigrams, narrowsBySubstringGrams, normaliseCompanyName, substringGrams } from '@zs/domain';
import type { Fortune500List, InfoGrade, InvestorOrigin, ProjectKind, ProjectState, SourceChannel, SpecializedSmeLevel, Stage } from '@zs/domain';
import type { Queryable } from '../database';
import { WhereClause } from '../sql/where-clause';

/** The columns a project list may be ordered by; the only values that reach ORDER BY. */
export type ProjectOrderColumn = 'registeredAt' | 'updatedAt' | 'estimatedInvestmentYi' | 'investment' | 'signedOn' | 'companyName';

/** "Investment" of a project: the contract's once signed, the lead's estimate before. */
export const INVESTMENT_SQL = 'COALESCE(p.contract_investment_yi, p.estimated_investment_yi)';

const ORDER_SQL: Record<ProjectOrderColumn, string> = {
  registeredAt: 'p.registered_at',
  updatedAt: 'p.updated_at',
  estimatedInvestmentYi: 'p.estimated_investment_yi',
  investment: INVESTMENT_SQL,
  signedOn: 'p.signed_on',
  companyName: 'p.company_name',
};

export interface ProjectListFilter {
  stages?: Stage[];
  overdue?: boolean;
  industryChain?: string;
  infoGrade?: InfoGrade;
  kind?: ProjectKind;
  sourceChannel?: SourceChannel;
  /** Calendar days (YYYY-MM-DD) in Asia/Shanghai, both ends included. */
  registeredFrom?: string;
  registeredTo?: string;
  signedFrom?: string;
  signedTo?: string;
  /** Investment (亿元, see INVESTMENT_SQL) ≥ investmentAtLeast, ≤ investmentAtMost, < investmentBelow. */
  investmentAtLeast?: number;
  investmentAtMost?: number;
  investmentBelow?: number;
  fortune500?: boolean;
  fortune500List?: Fortune500List;
  listedCompany?: boolean;
  specializedSme?: boolean;
  specializedSmeLevel?: SpecializedSmeLevel;
  origin?: InvestorOrigin;
  imported?: boolean;
  reporterUserId?: string;
  reporterDepartmentId?: string;
  ownerUserId?: string;
  /** The owning officer's team and department (credited for KPIs). */
  teamId?: string;
  departmentId?: string;
  campaignId?: string;
  /** Company-name search tolerating partial names: substring or most of its character bigrams. */
  q?: string;
  orderBy: { column: ProjectOrderColumn; direction: 'ASC' | 'DESC' };
  page: number;
  pageSize: number;
}

/** What a list item is made from. */
export interface ProjectListRow {
  id: string;
  workflowId: string;
  runId: string;
  updatedAt: Date;
  state: ProjectState;
}

function whereOf(f: ProjectListFilter): WhereClause {
  const w = new WhereClause()
    .when('p.stage = ANY(?::text[])', f.stages && f.stages.length > 0 ? f.stages : undefined)
    .when('p.overdue = ?', f.overdue)
    .when('p.industry_chain = ?', f.industryChain)
    .when('p.info_grade = ?', f.infoGrade)
    .when('p.kind = ?', f.kind)
    .when('p.source_channel = ?', f.sourceChannel)
    // A Shanghai calendar day starts at 00:00 +08:00 (no daylight saving since 1991).
    .when(`p.registered_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, f.registeredFrom)
    .when(`p.registered_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, f.registeredTo)
    .when('p.signed_on >= ?::date', f.signedFrom)
    .when('p.signed_on <= ?::date', f.signedTo)
    .when(`${INVESTMENT_SQL} >= ?`, f.investmentAtLeast)
    .when(`${INVESTMENT_SQL} <= ?`, f.investmentAtMost)
    .when(`${INVESTMENT_SQL} < ?`, f.investmentBelow)
    .when('p.fortune500 = ?', f.fortune500)
    // @> rather than = ANY: the form the GIN index on fortune500_lists serves.
    .when('p.fortune500_lists @> ARRAY[?]::text[]', f.fortune500List)
    .when('p.listed_company IS NOT DISTINCT FROM ?', f.listedCompany)
    .when('p.specialized_sme = ?', f.specializedSme)
    .when('p.specialized_sme_level = ?', f.specializedSmeLevel)
    .when('p.origin = ?', f.origin)
    .when('p.imported = ?', f.imported)
    .when('p.reporter_user_id = ?', f.reporterUserId)
    .when('p.reporter_department_id = ?', f.reporterDepartmentId)
    .when('p.owner_user_id = ?', f.ownerUserId)
    .when('p.owner_team_id = ?', f.teamId)
    .when('p.owner_department_id = ?', f.departmentId)
    .when('p.campaign_id = ?', f.campaignId);
  const q = f.q?.trim();
  if (q) {
    // Substring (ILIKE, `%` `_` `\` taken literally), or most
    // of the text's character bigrams found in the name (a name cut short or with a character
    // wrong). Not pg_trgm's similarity: it ignores Chinese characters under the C ctype (nameBigrams).
    // `when` numbers its parameter $n; the bigrams follow as $n+1.
    // The substring test is narrowed first to the names holding all of its bigrams (GIN on
    // company_name_grams: a few rows instead of every row through ILIKE, issue 12); `$n+2`.
    const n = w.params.length + 1;
    const narrowed = narrowsBySubstringGrams(q) ? `p.company_name_grams @> $${n + 2}::text[] AND ` : '';
    w.when(
      `((${narrowed}p.company_name ILIKE ('%' || replace(replace(replace(?, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'))
        OR (p.name_bigrams && $${n + 1}::text[]
            AND (SELECT count(*) FROM unnest($${n + 1}::text[]) g WHERE g = ANY(p.name_bigrams)) >= ${NAME_SEARCH_COVERAGE} * cardinality($${n + 1}::text[])))`,
      q,
    );
    w.params.push(nameBigrams(normaliseCompanyName(q)));
    if (narrowed) w.params.push(substringGrams(q));
  }
  return w;
}

/**
 * How a page is found. Usually by walking the sort order's index until a page of matches turns up,
 * which is quick when matches are spread through that order. It is not when they are few (a name
 * search naming one project walked all 100,000 rows: 270 ms) or bunched together (projects signed
 * in a year were registered around it, and newest-first met 30,000 rows before the first: 110 ms);
 * the planner assumes neither. Then the matches are found through their own indexes and sorted:
 * always up to `fewMatches`, and up to `signedRange` for a signing-date filter.
 * Beyond those, a page lies near the start of any order anyway. (bench:scale, 100,000 projects.)
 */
export const FILTER_FIRST_LIMITS = { fewMatches: 1_000, signedRange: 20_000 };

function filterFirst(filter: ProjectListFilter, total: number, limits: typeof FILTER_FIRST_LIMITS): boolean {
  if (total <= limits.fewMatches) return true;
  return (filter.signedFrom !== undefined || filter.signedTo !== undefined) && total <= limits.signedRange;
}

type ListRow = { id: string; workflow_id: string; run_id: string; updated_at: Date; state: ProjectState };

/** `limits`: FILTER_FIRST_LIMITS; a test passes zeros to see the walk give the same pages. */
export async function listProjects(db: Queryable, filter: ProjectListFilter, limits = FILTER_FIRST_LIMITS): Promise<{ rows: ProjectListRow[]; total: number }> {
  const where = whereOf(filter);
  const page = where.limitOffset(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const direction = filter.orderBy.direction === 'DESC' ? 'DESC' : 'ASC';
  // Unsigned projects last whichever way signing dates are sorted; the id keeps pages stable on ties.
  const orderBy = (key: string, id: string) => `${key} ${direction} NULLS LAST, ${id} ASC`;
  // Counted first (through the filters' indexes, migration 1763902400000): the count chooses how to find the page.
  const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total FROM projects p ${where.sql}`, where.params);
  if (total === 0 || (filter.page - 1) * filter.pageSize >= total) return { rows: [], total };
  const columns = 'p.id, p.workflow_id, p.run_id, p.updated_at, p.state';
  // Filter first: the matches' ids and sort keys only, sorted; the page's rows are read whole.
  const sql =
    where.sql !== '' && filterFirst(filter, total, limits)
      ? `WITH matching AS MATERIALIZED (SELECT p.id, ${ORDER_SQL[filter.orderBy.column]} AS k FROM projects p ${where.sql}),
              page AS (SELECT id, k FROM matching ORDER BY ${orderBy('k', 'id')} ${page.sql})
         SELECT ${columns} FROM page JOIN projects p ON p.id = page.id ORDER BY ${orderBy('page.k', 'page.id')}`
      : `SELECT ${columns} FROM projects p ${where.sql} ORDER BY ${orderBy(ORDER_SQL[filter.orderBy.column], 'p.id')} ${page.sql}`;
  const rows: ListRow[] = await db.query(sql, page.params);
  return {
    rows: rows.map((r) => ({ id: r.id, workflowId: r.workflow_id, runId: r.run_id, updatedAt: r.updated_at, state: r.state })),
    total,
  };
}
