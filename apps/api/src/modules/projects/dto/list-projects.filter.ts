import { ERROR_CODES, type Stage, localized, type Localized } from '@zs/domain';
import type { ProjectListFilter } from '@zs/persistence';
import { fieldRefusal } from '../../../common/errors/api.exception';
import type { InvestmentBand, ListProjectsQuery, ProjectSort } from './list-projects.query';

const BANDS: Record<InvestmentBand, Pick<ProjectListFilter, 'investmentAtLeast' | 'investmentBelow'>> = {
  ge1: { investmentAtLeast: 1 },
  ge5: { investmentAtLeast: 5 },
  ge10: { investmentAtLeast: 10 },
  lt1: { investmentBelow: 1 },
};

const bool = (value: 'true' | 'false' | undefined): boolean | undefined => (value === undefined ? undefined : value === 'true');

function refuse(field: string, message: Localized): never {
  throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, message);
}

/** `from` after `to` selects nothing and is surely a mistake: 400 naming the `from` parameter. */
function requireOrdered(from: string | undefined, to: string | undefined, fromName: string, toName: string): void {
  if (from !== undefined && to !== undefined && from > to) refuse(fromName, localized(`{field}（${from}）不得晚于截止日期（${to}）`, `{field} (${from}) must not be after ${toName} (${to})`));
}

/** The validated query as the read model's filter, with the rules that involve two parameters. */
export function listFilterOf(query: ListProjectsQuery): ProjectListFilter {
  requireOrdered(query.registeredFrom, query.registeredTo, 'registeredFrom', 'registeredTo');
  requireOrdered(query.signedFrom, query.signedTo, 'signedFrom', 'signedTo');
  const minYi = query.minYi === undefined ? undefined : Number(query.minYi);
  const maxYi = query.maxYi === undefined ? undefined : Number(query.maxYi);
  if (minYi !== undefined && maxYi !== undefined && minYi > maxYi) refuse('minYi', localized(`{field}（${minYi}）不得高于上限（${maxYi}）`, `{field} (${minYi}) must not be greater than maxYi (${maxYi})`));
  if (query.band !== undefined && (minYi !== undefined || maxYi !== undefined)) {
    refuse('band', localized('{field}与投资额上下限只能选其一', '{field} cannot be combined with minYi or maxYi'));
  }
  const sort: ProjectSort = query.sort;
  const descending = sort.startsWith('-');
  return {
    stages: query.stage ? (query.stage.split(',') as Stage[]) : undefined,
    overdue: bool(query.overdue),
    industryChain: query.industryChain,
    infoGrade: query.infoGrade,
    kind: query.kind,
    sourceChannel: query.sourceChannel,
    registeredFrom: query.registeredFrom,
    registeredTo: query.registeredTo,
    signedFrom: query.signedFrom,
    signedTo: query.signedTo,
    investmentAtLeast: minYi,
    investmentAtMost: maxYi,
    ...(query.band ? BANDS[query.band] : {}),
    fortune500: bool(query.fortune500),
    fortune500List: query.fortune500List,
    listedCompany: bool(query.listedCompany),
    specializedSme: bool(query.specializedSme),
    specializedSmeLevel: query.specializedSmeLevel,
    origin: query.origin,
    imported: bool(query.imported),
    reporterUserId: query.reporterUserId,
    reporterDepartmentId: query.reporterDepartmentId,
    ownerUserId: query.ownerUserId,
    teamId: query.teamId,
    departmentId: query.departmentId,
    campaignId: query.campaignId,
    q: query.q,
    orderBy: { column: (descending ? sort.slice(1) : sort) as ProjectListFilter['orderBy']['column'], direction: descending ? 'DESC' : 'ASC' },
    page: query.page,
    pageSize: query.pageSize,
  };
}
