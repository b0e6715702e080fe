import {
  FORTUNE_500_LIST_LABELS,
  INFO_GRADE_LABELS,
  INVESTOR_ORIGIN_LABELS,
  PROJECT_KIND_LABELS,
  SOURCE_CHANNEL_LABELS,
  SPECIALIZED_SME_LEVEL_LABELS,
  SHANGHAI_OFFSET_MS,
  ERROR_CODES,
  localized,
} from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';
import type { TableSheet } from '../../common/export/table-file';
import type { ProjectViewDto } from './dto/project-view.dto';

/** At most this many projects in one export: a larger list is refused (400) and should be narrowed by its filters. */
export const PROJECT_EXPORT_MAX_ROWS = 5000;

/** 400 when the filters select more projects than one export holds (cut short, the file would mislead). */
export function requireExportable(total: number, max = PROJECT_EXPORT_MAX_ROWS): void {
  if (total <= max) return;
  throw new ApiException(
    ERROR_CODES.VALIDATION_FAILED,
    localized(
      `筛选出的项目共 ${total} 个，超过单次导出上限 ${max} 个，请增加筛选条件后再导出`,
      `the filters select ${total} projects, more than the ${max} one export may hold; narrow them and export again`,
    ),
  );
}

const yesNo = (value: boolean | undefined | null): string => (value === true ? '是' : value === false ? '否' : '');

/** An instant as staff read it: Asia/Shanghai, to the minute. */
function shanghaiMinute(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

const COLUMNS: ReadonlyArray<[header: string, value: (p: ProjectViewDto) => string | number | null]> = [
  ['企业名称', (p) => p.lead.companyName],
  ['统一社会信用代码', (p) => p.lead.creditCode ?? ''],
  ['产业链', (p) => p.lead.industryChain],
  ['阶段', (p) => p.stageLabel],
  ['是否超期', (p) => yesNo(p.overdue)],
  ['信息等级', (p) => INFO_GRADE_LABELS[p.lead.infoGrade] ?? p.lead.infoGrade],
  ['项目类型', (p) => PROJECT_KIND_LABELS[p.lead.kind] ?? p.lead.kind],
  ['线索来源', (p) => SOURCE_CHANNEL_LABELS[p.lead.sourceChannel] ?? p.lead.sourceChannel],
  ['预计投资（亿元）', (p) => p.lead.estimatedInvestmentYi],
  ['合同投资（亿元）', (p) => p.contract?.contractInvestmentYi ?? null],
  ['签约日期', (p) => p.contract?.signedOn ?? ''],
  ['500强', (p) => (p.lead.fortune500Lists?.length ? p.lead.fortune500Lists.map((l) => FORTUNE_500_LIST_LABELS[l]).join('、') : yesNo(p.lead.fortune500))],
  ['上市公司', (p) => yesNo(p.lead.listedCompany)],
  ['专精特新', (p) => (p.lead.specializedSmeLevel ? SPECIALIZED_SME_LEVEL_LABELS[p.lead.specializedSmeLevel] : yesNo(p.lead.specializedSme))],
  ['投资方来源', (p) => (p.lead.origin ? INVESTOR_ORIGIN_LABELS[p.lead.origin] : '')],
  ['联系人', (p) => p.lead.contactName],
  ['报送人', (p) => p.ownership?.reporter.displayName ?? p.registeredBy.displayName ?? ''],
  ['项目负责人', (p) => p.ownership?.owner?.displayName ?? ''],
  ['到位资金（亿元）', (p) => p.fundsInPlaceYi],
  ['登记时间', (p) => shanghaiMinute(p.registeredAt)],
  ['项目编号', (p) => p.id],
];

/** The filtered project list as a sheet: Chinese headers and labels, one row per project, in the list's order. */
export function projectSheet(projects: readonly ProjectViewDto[]): TableSheet {
  return {
    name: '项目库',
    headers: COLUMNS.map(([header]) => header),
    body: projects.map((p) => COLUMNS.map(([, value]) => value(p))),
  };
}
