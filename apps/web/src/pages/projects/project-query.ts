import {
  FORTUNE_500_LISTS,
  INFO_GRADES,
  INVESTOR_ORIGINS,
  PROJECT_KINDS,
  SOURCE_CHANNELS,
  SPECIALIZED_SME_LEVELS,
  STAGES,
  isCalendarDate,
  type Stage,
} from '@zs/domain';
import type { operations } from '../../api/schema';

/**
 * 项目库's filters ⇄ the page's address. The URL keeps the API's own parameter names, so a link
 * is the list it shows (shareable, and the back button walks through earlier filters); whatever
 * the address holds that the API would refuse (an unknown stage, a malformed date) is dropped
 * rather than shown as an error.
 */
export type ListProjectsParams = NonNullable<operations['ProjectsController_list']['parameters']['query']>;
export type ProjectSort = NonNullable<ListProjectsParams['sort']>;

const BOOLEAN_TEXT = ['true', 'false'] as const;
const SORT_KEYS = ['registeredAt', 'updatedAt', 'estimatedInvestmentYi', 'investment', 'signedOn', 'companyName'] as const;
export const PROJECT_SORTS: readonly ProjectSort[] = SORT_KEYS.flatMap((k) => [k, `-${k}`] as const) satisfies readonly ProjectSort[];
export const INVESTMENT_BANDS = ['ge1', 'ge5', 'ge10', 'lt1'] as const satisfies readonly NonNullable<ListProjectsParams['band']>[];
export const DEFAULT_SORT: ProjectSort = '-registeredAt';
export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AMOUNT = /^\d{1,5}(\.\d{1,4})?$/;

type Check = (value: string) => boolean;
const oneOf = (values: readonly string[]): Check => (value) => values.includes(value);
const text: Check = (value) => value.trim() !== '' && value.length <= 100;

/** Every single-valued filter, in the order the address lists them, with what it accepts. */
const FILTERS = {
  overdue: oneOf(BOOLEAN_TEXT),
  industryChain: text,
  infoGrade: oneOf(INFO_GRADES),
  kind: oneOf(PROJECT_KINDS),
  sourceChannel: oneOf(SOURCE_CHANNELS),
  registeredFrom: isCalendarDate,
  registeredTo: isCalendarDate,
  signedFrom: isCalendarDate,
  signedTo: isCalendarDate,
  minYi: (v) => AMOUNT.test(v),
  maxYi: (v) => AMOUNT.test(v),
  band: oneOf(INVESTMENT_BANDS),
  fortune500: oneOf(BOOLEAN_TEXT),
  fortune500List: oneOf(FORTUNE_500_LISTS),
  listedCompany: oneOf(BOOLEAN_TEXT),
  specializedSme: oneOf(BOOLEAN_TEXT),
  specializedSmeLevel: oneOf(SPECIALIZED_SME_LEVELS),
  origin: oneOf(INVESTOR_ORIGINS),
  imported: oneOf(BOOLEAN_TEXT),
  reporterUserId: (v) => UUID.test(v),
  reporterDepartmentId: (v) => UUID.test(v),
  ownerUserId: (v) => UUID.test(v),
  teamId: (v) => UUID.test(v),
  departmentId: (v) => UUID.test(v),
  campaignId: (v) => UUID.test(v),
  q: text,
} satisfies Partial<Record<keyof ListProjectsParams, Check>>;

export type FilterKey = keyof typeof FILTERS;
export const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

/** What the list shows: the filters (each optional), the stages, the sort and the page. */
export interface ProjectQuery {
  filters: Partial<Record<FilterKey, string>>;
  stages: Stage[];
  sort: ProjectSort;
  page: number;
  pageSize: number;
}

export const EMPTY_QUERY: ProjectQuery = { filters: {}, stages: [], sort: DEFAULT_SORT, page: 1, pageSize: DEFAULT_PAGE_SIZE };

function positiveInt(raw: string | null, fallback: number, max: number): number {
  if (raw === null || !/^\d{1,7}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

/** The query an address (`?stage=intake&q=…`) describes; unknown or malformed parameters are left out. */
export function parseProjectQuery(search: string | URLSearchParams): ProjectQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: ProjectQuery['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null && FILTERS[key](value)) filters[key] = value;
  }
  const stages = (params.get('stage') ?? '')
    .split(',')
    .filter((s, i, all): s is Stage => (STAGES as readonly string[]).includes(s) && all.indexOf(s) === i);
  const sort = params.get('sort');
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100);
  return {
    filters: withoutConflicts(filters),
    stages,
    sort: sort && (PROJECT_SORTS as readonly string[]).includes(sort) ? (sort as ProjectSort) : DEFAULT_SORT,
    page: positiveInt(params.get('page'), 1, 1_000_000),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The filters and sort as parameters (no paging), in a fixed order: the same list gives the same address. */
function filterParams(query: ProjectQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.stages.length > 0) params.set('stage', query.stages.join(','));
  for (const key of FILTER_KEYS) {
    const value = query.filters[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
  return params;
}

/** The address of a query (without `?`); defaults are left out, so the bare page is the default list. */
export function projectQuerySearch(query: ProjectQuery): string {
  const params = filterParams(query);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params.toString();
}

/** The parameters of GET /projects for a query. */
export function listProjectsParams(query: ProjectQuery): ListProjectsParams {
  const params: Record<string, string | number> = Object.fromEntries(filterParams(query));
  return { ...params, sort: query.sort, page: query.page, pageSize: query.pageSize } as ListProjectsParams;
}

/** GET /projects/export with the same filters and sort (every matching project, no paging). */
export function projectExportPath(query: ProjectQuery, format: 'csv' | 'xlsx'): string {
  const params = filterParams(query);
  params.set('format', format);
  return `/projects/export?${params.toString()}`;
}

/** New filters start again at page 1 (the old page may not exist any more); sort and page size stay. */
export function withFilters(query: ProjectQuery, filters: ProjectQuery['filters'], stages: Stage[]): ProjectQuery {
  const kept: ProjectQuery['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value && FILTERS[key](value)) kept[key] = value;
  }
  return { ...query, filters: withoutConflicts(kept), stages, page: 1 };
}

/** Filters the API refuses together: a 投资额档次 wins over a minimum or maximum. */
function withoutConflicts(filters: ProjectQuery['filters']): ProjectQuery['filters'] {
  if (!filters.band) return filters;
  const { minYi: _min, maxYi: _max, ...rest } = filters;
  return rest;
}

/** How many filters are set (stages counting as one), for the "n 个筛选条件" hint. */
export function activeFilterCount(query: ProjectQuery): number {
  return Object.keys(query.filters).length + (query.stages.length > 0 ? 1 : 0);
}
