import {
  FORTUNE_500_LISTS,
  FORTUNE_500_LIST_LABELS,
  FUNDS_SOURCE_LABELS,
  IMPORT_FIELD_LABELS,
  INVESTOR_ORIGINS,
  INVESTOR_ORIGIN_LABELS,
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  SPECIALIZED_SME_LEVELS,
  SPECIALIZED_SME_LEVEL_LABELS,
  type ImportRowInput,
} from '@zs/domain';

/**
 * The file's columns (CSV/XLSX): the Chinese labels of IMPORT_FIELD_LABELS (the English keys
 * are accepted too), in the template's order. Nodes take two columns each (计划日期, 完成日期;
 * 完成凭证 and 责任人账号 optional); funds entries share one cell: `日期|金额(亿元)|来源|凭证`, entries
 * separated by `;` (e.g. `2026-03-01|2.5|企业自筹|ZJ-001;2026-05-10|1|银行贷款|DK-7`).
 */
const FLAT_KEYS = [
  'companyName', 'contactName', 'contactPhone', 'industryChain', 'estimatedInvestmentYi', 'sourceChannel', 'infoGrade', 'fortune500', 'specializedSme',
  'fortune500Lists', 'listedCompany', 'specializedSmeLevel', 'origin', 'creditCode', 'kind', 'notes',
  'stage', 'registeredOn', 'decidedOn',
  'contractNo', 'contractInvestmentYi', 'signedOn', 'committedConstructionStart', 'committedEquipmentEntry', 'committedProduction', 'committedFirstTax', 'landAreaM2', 'factoryAreaM2',
  'commissioner', 'responsible', 'funds', 'completedOn', 'completionReason', 'reporter', 'owner', 'campaignId',
] as const;

const NODE_COLUMNS = MILESTONE_KINDS.flatMap((k) => [`nodes.${k}.dueOn`, `nodes.${k}.completedOn`]);
const OPTIONAL_NODE_COLUMNS = MILESTONE_KINDS.flatMap((k) => [`nodes.${k}.evidence`, `nodes.${k}.responsible`]);

/** Template columns, in order (optional node columns are accepted but left out of the template). */
const NODES_AT = FLAT_KEYS.indexOf('commissioner');
export const TEMPLATE_KEYS: string[] = [...FLAT_KEYS.slice(0, NODES_AT), ...NODE_COLUMNS, ...FLAT_KEYS.slice(NODES_AT)];
export const TEMPLATE_HEADERS = TEMPLATE_KEYS.map((k) => IMPORT_FIELD_LABELS[k]);
const ALL_KEYS = [...FLAT_KEYS, ...NODE_COLUMNS, ...OPTIONAL_NODE_COLUMNS];
const KEY_BY_HEADER = new Map<string, string>([...ALL_KEYS.map((k) => [k, k] as const), ...ALL_KEYS.map((k) => [IMPORT_FIELD_LABELS[k], k] as const)]);

/** The key a header names, or null for an unknown column. */
export const keyOfHeader = (header: string): string | null => KEY_BY_HEADER.get(header.trim().replace(/^\uFEFF/, '')) ?? null;

/** `日期|金额|来源|凭证;…` → entries (left for the domain to check). */
function fundsOf(cell: string): ImportRowInput['funds'] {
  return cell
    .split(/[;；]/)
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const [date, amountYi, source, evidence] = e.split('|').map((x) => x.trim());
      return { date, amountYi, source, evidence };
    });
}

/** One file row (key → cell text) as the domain's raw row: nodes and funds gathered from their columns. */
export function rowInputOf(cells: Record<string, string>): ImportRowInput {
  const row: Record<string, unknown> = {};
  for (const key of FLAT_KEYS) if (cells[key] !== undefined && cells[key] !== '') row[key] = cells[key];
  if (typeof row.funds === 'string') row.funds = fundsOf(row.funds);
  const nodeCells = MILESTONE_KINDS.map((kind) => ({
    kind,
    dueOn: cells[`nodes.${kind}.dueOn`] || undefined,
    completedOn: cells[`nodes.${kind}.completedOn`] || undefined,
    evidence: cells[`nodes.${kind}.evidence`] || undefined,
    responsible: cells[`nodes.${kind}.responsible`] || undefined,
  }));
  if (nodeCells.some((n) => n.dueOn || n.completedOn || n.evidence || n.responsible)) row.nodes = nodeCells;
  return row as ImportRowInput;
}

/** An example row for the template: a project in construction with two nodes completed and one funds entry. */
export function templateExample(): Record<string, string> {
  const nodeDates: Record<string, [string, string]> = {
    company_registration: ['2026-01-10', '2026-01-08'],
    land_handover: ['2026-02-01', '2026-02-03'],
    project_filing: ['2026-02-10', ''],
    planning_permit: ['2026-03-01', ''],
    construction_permit: ['2026-03-20', ''],
    construction_start: ['2026-04-01', ''],
    equipment_entry: ['2026-07-15', ''],
    trial_production: ['2026-09-01', ''],
    production: ['2026-10-01', ''],
  };
  return {
    companyName: '株洲示例动力科技有限公司', contactName: '王经理', contactPhone: '13800000000', industryChain: '先进轨道交通装备', estimatedInvestmentYi: '12.5',
    sourceChannel: '小分队招商', infoGrade: 'A', fortune500: '是', specializedSme: '是',
    fortune500Lists: `${FORTUNE_500_LIST_LABELS.china}、${FORTUNE_500_LIST_LABELS.private}`, listedCompany: '否', specializedSmeLevel: SPECIALIZED_SME_LEVEL_LABELS.provincial,
    origin: INVESTOR_ORIGIN_LABELS.outside_province, creditCode: '91430211MA4PQ8K2XM', kind: '新引进', notes: '',
    stage: '建设', registeredOn: '2025-11-01', decidedOn: '2025-11-03',
    contractNo: 'HT-2026-001', contractInvestmentYi: '10', signedOn: '2026-01-01', committedConstructionStart: '2026-04-01', committedEquipmentEntry: '2026-07-15',
    committedProduction: '2026-10-01', committedFirstTax: '2027-01-01', landAreaM2: '', factoryAreaM2: '12000',
    ...Object.fromEntries(MILESTONE_KINDS.flatMap((k) => [[`nodes.${k}.dueOn`, nodeDates[k][0]], [`nodes.${k}.completedOn`, nodeDates[k][1]]])),
    commissioner: 'psb', responsible: 'psb', funds: `2026-03-01|2.5|${FUNDS_SOURCE_LABELS.self_raised}|ZJ-2026-001`, completedOn: '', completionReason: '',
    reporter: 'officer', owner: 'officer', campaignId: '',
  };
}

/** What the template's notes sheet (and the API description) says about the columns. */
export const TEMPLATE_NOTES = [
  '当前阶段：48小时研判 / 洽谈 / 建设 / 投产后服务 / 履约完成。',
  '日期格式 YYYY-MM-DD，年份1900–2199；登记 ≤ 研判 ≤ 签约 ≤ 各节点完成与到位资金日期；已发生的日期不能晚于今天。',
  '建设及以后阶段须填写签约信息与九个节点的计划日期；投产后服务、履约完成阶段所有节点须已完成（正式投产完成日期即投产日期）。',
  `节点：${MILESTONE_KINDS.map((k) => MILESTONE_LABELS[k]).join('、')}。`,
  '到位资金：日期|金额(亿元)|来源|凭证，多条以;分隔；来源：股权投资、银行贷款、企业自筹、政府引导基金、其他。',
  `500强榜单：${FORTUNE_500_LISTS.map((l) => FORTUNE_500_LIST_LABELS[l]).join('、')}，多个以、或;分隔（填“无”表示不属于任何榜单）；填写榜单时“500强企业”可留空，若填写须与榜单一致。`,
  `专精特新等级：${SPECIALIZED_SME_LEVELS.map((l) => SPECIALIZED_SME_LEVEL_LABELS[l]).join('、')}（填写等级时“专精特新”可留空，若填写须为“是”）；上市公司：是/否。`,
  `投资方来源：${INVESTOR_ORIGINS.map((o) => INVESTOR_ORIGIN_LABELS[o]).join('、')}。`,
  '统一社会信用代码：18位，校验位须正确；同一文件中不同行不得重复（导入不做与已有项目的查重）。',
  '人员（报送人、负责人、项目专员、节点责任人）填写系统账号（用户名）。',
  '导入不补发历史提醒：已过期的时限与节点记为“导入时已逾期”，不发送预警或督办；仅未来的时限照常计时。',
];
