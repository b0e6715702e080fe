import { creditCodeProblem, normaliseCreditCode } from '../credit-code';
import { DomainError } from '../errors';
import {
  FORTUNE_500_LISTS,
  FORTUNE_500_LIST_LABELS,
  INFO_GRADES,
  INFO_GRADE_LABELS,
  INVESTOR_ORIGINS,
  INVESTOR_ORIGIN_LABELS,
  MAX_ESTIMATED_INVESTMENT_YI,
  PROJECT_KINDS,
  PROJECT_KIND_LABELS,
  SOURCE_CHANNELS,
  SOURCE_CHANNEL_LABELS,
  SPECIALIZED_SME_LEVELS,
  SPECIALIZED_SME_LEVEL_LABELS,
  type Fortune500List,
  type Lead,
} from '../lead';
import { resolveLeadFlags } from '../lead-flags';
import { isStorableText } from '../text';
import { FUNDS_SOURCES, FUNDS_SOURCE_LABELS, type FundsSource } from './funds';
import { isCalendarDate, shanghaiDate } from './calendar-dates';
import { MILESTONE_KINDS, MILESTONE_LABELS, type MilestoneKind } from './construction-state';
import type { CommittedDates } from './signing-state';

/**
 * One row of a portfolio import (issue 10, item 9), as it comes from the JSON batch or from a
 * CSV/XLSX file (the API turns the Chinese columns into these keys). Every value is checked
 * here; people (reporter, owner, commissioner, responsible) are usernames the API resolves.
 */
export const IMPORT_STAGES = ['intake', 'negotiation', 'construction', 'service', 'completed'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];
export const IMPORT_STAGE_LABELS: Record<ImportStage, string> = {
  intake: '48小时研判',
  negotiation: '洽谈',
  construction: '建设',
  service: '投产后服务',
  completed: '履约完成',
};

/** An import batch holds at most this many rows (JSON or file). */
export const MAX_IMPORT_ROWS = 500;
/** Dates outside these years are typing mistakes (0000, 9999). */
export const MIN_IMPORT_YEAR = 1900;
export const MAX_IMPORT_YEAR = 2199;

export interface ImportNodeInput {
  kind: unknown;
  dueOn: unknown;
  completedOn?: unknown;
  evidence?: unknown;
  /** Username; defaults to the row's `responsible`. */
  responsible?: unknown;
}

export interface ImportFundsInput {
  date: unknown;
  amountYi: unknown;
  source: unknown;
  evidence: unknown;
}

/** The raw row: unknown values, checked by parseImportRow. */
export interface ImportRowInput {
  companyName?: unknown;
  contactName?: unknown;
  contactPhone?: unknown;
  industryChain?: unknown;
  estimatedInvestmentYi?: unknown;
  sourceChannel?: unknown;
  infoGrade?: unknown;
  fortune500?: unknown;
  specializedSme?: unknown;
  /** Issue 10, as POST /leads takes them: codes or Chinese labels (a file cell separates lists with 、 or ;). */
  fortune500Lists?: unknown;
  listedCompany?: unknown;
  specializedSmeLevel?: unknown;
  origin?: unknown;
  creditCode?: unknown;
  kind?: unknown;
  notes?: unknown;
  stage?: unknown;
  registeredOn?: unknown;
  decidedOn?: unknown;
  contractNo?: unknown;
  contractInvestmentYi?: unknown;
  signedOn?: unknown;
  committedConstructionStart?: unknown;
  committedEquipmentEntry?: unknown;
  committedProduction?: unknown;
  committedFirstTax?: unknown;
  landAreaM2?: unknown;
  factoryAreaM2?: unknown;
  commissioner?: unknown;
  responsible?: unknown;
  nodes?: unknown;
  funds?: unknown;
  completedOn?: unknown;
  completionReason?: unknown;
  reporter?: unknown;
  owner?: unknown;
  campaignId?: unknown;
}

export interface ParsedImportNode {
  kind: MilestoneKind;
  dueOn: string;
  completedOn: string | null;
  evidence: string | null;
  responsible: string;
}

export interface ParsedImportFunds {
  date: string;
  amountYi: number;
  source: FundsSource;
  evidence: string;
}

export interface ParsedContract {
  contractNo: string | null;
  contractInvestmentYi: number;
  signedOn: string;
  committed: CommittedDates;
  landAreaM2: number;
  factoryAreaM2: number;
}

/** A checked row; usernames still to be resolved by the caller. */
export interface ParsedImportRow {
  stage: ImportStage;
  lead: Lead;
  registeredOn: string;
  decidedOn: string | null;
  contract: ParsedContract | null;
  commissioner: string | null;
  nodes: ParsedImportNode[];
  funds: ParsedImportFunds[];
  completedOn: string | null;
  completionReason: string | null;
  reporter: string | null;
  owner: string | null;
  campaignId: string | null;
}

/** One problem of one row: the field (row key, e.g. `signedOn`, `nodes.production.dueOn`) and what is wrong, in Chinese. */
export interface ImportFieldError {
  field: string;
  message: string;
}

/** Chinese names of the row's fields, as the file template's columns and the error messages say them. */
export const IMPORT_FIELD_LABELS: Record<string, string> = {
  companyName: '企业名称',
  contactName: '联系人',
  contactPhone: '联系电话',
  industryChain: '产业链',
  estimatedInvestmentYi: '预计投资(亿元)',
  sourceChannel: '线索来源',
  infoGrade: '信息等级',
  fortune500: '500强企业',
  specializedSme: '专精特新',
  fortune500Lists: '500强榜单',
  listedCompany: '上市公司',
  specializedSmeLevel: '专精特新等级',
  origin: '投资方来源',
  creditCode: '统一社会信用代码',
  kind: '项目类型',
  notes: '备注',
  stage: '当前阶段',
  registeredOn: '登记日期',
  decidedOn: '研判通过日期',
  contractNo: '合同编号',
  contractInvestmentYi: '合同投资(亿元)',
  signedOn: '签约日期',
  committedConstructionStart: '承诺开工日期',
  committedEquipmentEntry: '承诺设备进场日期',
  committedProduction: '承诺投产日期',
  committedFirstTax: '承诺首次纳税日期',
  landAreaM2: '用地面积(平方米)',
  factoryAreaM2: '厂房面积(平方米)',
  commissioner: '项目专员账号',
  responsible: '节点责任人账号',
  funds: '到位资金',
  completedOn: '履约完成日期',
  completionReason: '履约完成说明',
  reporter: '报送人账号',
  owner: '负责人账号',
  campaignId: '招商行动ID',
  nodes: '节点计划',
  ...Object.fromEntries(
    MILESTONE_KINDS.flatMap((k) => [
      [`nodes.${k}.dueOn`, `${MILESTONE_LABELS[k]}计划日期`],
      [`nodes.${k}.completedOn`, `${MILESTONE_LABELS[k]}完成日期`],
      [`nodes.${k}.evidence`, `${MILESTONE_LABELS[k]}完成凭证`],
      [`nodes.${k}.responsible`, `${MILESTONE_LABELS[k]}责任人账号`],
    ]),
  ),
};

export const importFieldLabel = (field: string): string => IMPORT_FIELD_LABELS[field] ?? IMPORT_FIELD_LABELS[field.replace(/\[\d+\].*$/, '')] ?? field;

const MAX_TEXT = 500;
const unquoted = (s: string): string => s.replace(/["“”'‘’「」\s]/g, '');
const STAGE_ORDER: Record<ImportStage, number> = { intake: 0, negotiation: 1, construction: 2, service: 3, completed: 4 };

/** Collects errors field by field so one pass names every problem of the row. */
class RowChecker {
  readonly errors: ImportFieldError[] = [];
  constructor(private readonly today: string) {}

  fail(field: string, message: string): null {
    this.errors.push({ field, message: `${importFieldLabel(field)}：${message}` });
    return null;
  }

  present(value: unknown): boolean {
    return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  }

  text(value: unknown, field: string, required: boolean): string | null {
    if (!this.present(value)) return required ? this.fail(field, '必填') : null;
    const s = typeof value === 'number' ? String(value) : value;
    if (typeof s !== 'string') return this.fail(field, '应为文本');
    const t = s.trim();
    if (t.length > MAX_TEXT) return this.fail(field, `不能超过${MAX_TEXT}个字符`);
    if (!isStorableText(t)) return this.fail(field, '含有无法保存的字符');
    return t;
  }

  number(value: unknown, field: string, required: boolean, opts: { min: number; max: number; places: number; positive?: boolean }): number | null {
    if (!this.present(value)) return required ? this.fail(field, '必填') : null;
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(n)) return this.fail(field, '应为数字');
    if (opts.positive ? n <= 0 : n < opts.min) return this.fail(field, opts.positive ? '应大于0' : `不能小于${opts.min}`);
    if (n > opts.max) return this.fail(field, `不能大于${opts.max}`);
    if (Number(n.toFixed(opts.places)) !== n) return this.fail(field, `最多${opts.places}位小数`);
    return n;
  }

  bool(value: unknown, field: string): boolean | null {
    if (!this.present(value)) return false;
    if (typeof value === 'boolean') return value;
    const s = String(value).trim().toLowerCase();
    if (['是', 'true', '1', 'y', 'yes'].includes(s)) return true;
    if (['否', 'false', '0', 'n', 'no'].includes(s)) return false;
    return this.fail(field, '应为"是"或"否"');
  }

  /** A code or its Chinese label (quotes in a label may be left out or typed full-width: 国家级专精特新“小巨人”). */
  choice<T extends string>(value: unknown, field: string, codes: readonly T[], labels: Record<T, string>, required: boolean): T | null {
    if (!this.present(value)) return required ? this.fail(field, '必填') : null;
    const s = String(value).trim();
    const hit = codes.find((c) => c === s || labels[c] === s || unquoted(labels[c]) === unquoted(s));
    return hit ?? this.fail(field, `应为以下之一：${codes.map((c) => labels[c]).join('、')}`);
  }

  /** A boolean only when given (absent stays absent, unlike the old flags, which default to 否). */
  optionalBool(value: unknown, field: string): boolean | undefined {
    return this.present(value) ? (this.bool(value, field) ?? undefined) : undefined;
  }

  /**
   * 500强榜单: a JSON array, or a cell listing codes or labels separated by 、 ; ， , (无 for none).
   * Absent stays absent (the lead then has no list detail); an unknown or repeated list is an error.
   */
  fortune500Lists(value: unknown, field: string): Fortune500List[] | undefined {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    let items: unknown[];
    if (Array.isArray(value)) items = value;
    else if (typeof value === 'string') items = value.trim() === '无' ? [] : value.split(/[、;；,，]/).map((x) => x.trim()).filter(Boolean);
    else return this.fail(field, '应为500强榜单列表（以、或;分隔）') ?? undefined;
    const lists: Fortune500List[] = [];
    let ok = true;
    for (const item of items) {
      const s = typeof item === 'string' ? item.trim() : '';
      const hit = FORTUNE_500_LISTS.find((l) => l === s || FORTUNE_500_LIST_LABELS[l] === s);
      if (!hit) {
        ok = false;
        this.fail(field, `未知的榜单"${String(item).slice(0, 40)}"，应为以下之一：${FORTUNE_500_LISTS.map((l) => FORTUNE_500_LIST_LABELS[l]).join('、')}`);
      } else if (lists.includes(hit)) {
        ok = false;
        this.fail(field, `榜单重复：${FORTUNE_500_LIST_LABELS[hit]}`);
      } else lists.push(hit);
    }
    return ok ? lists : undefined;
  }

  /** 统一社会信用代码: normalised (spaces out, capitals) and checked as POST /leads checks it (GB 32100-2015 check character). */
  creditCode(value: unknown, field: string): string | null {
    const raw = this.text(value, field, false);
    if (raw === null) return null;
    const code = normaliseCreditCode(raw);
    const problem = creditCodeProblem(code);
    return problem ? this.fail(field, `${problem}（收到"${raw.slice(0, 40)}"）`) : code;
  }

  /** YYYY-MM-DD (also YYYY/M/D), a day that exists, years 1900–2199, and (unless `future`) not after today. */
  date(value: unknown, field: string, required: boolean, future = false): string | null {
    if (!this.present(value)) return required ? this.fail(field, '必填') : null;
    const raw = String(value).trim();
    const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(raw);
    const date = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : raw;
    if (!isCalendarDate(date)) return this.fail(field, `应为有效日期YYYY-MM-DD（收到"${raw.slice(0, 40)}"）`);
    const year = Number(date.slice(0, 4));
    if (year < MIN_IMPORT_YEAR || year > MAX_IMPORT_YEAR) return this.fail(field, `年份应在${MIN_IMPORT_YEAR}–${MAX_IMPORT_YEAR}之间`);
    if (!future && date > this.today) return this.fail(field, `不能晚于今天（${this.today}）`);
    return date;
  }

  /** `later` must not be before `earlier` (both present). */
  order(earlier: string | null, earlierField: string, later: string | null, laterField: string): void {
    if (earlier && later && later < earlier) this.fail(laterField, `不能早于${importFieldLabel(earlierField)}（${earlier}）`);
  }
}

/**
 * 500强企业 / 专精特新 with their detail, by the rules of POST /leads (resolveLeadFlags): derived from
 * 500强榜单 / 专精特新等级 when given, refused when the flag given too contradicts them. Unlike POST /leads,
 * a row giving neither flag nor detail is 否 (the import's columns were optional before issue 10).
 */
function leadFlags(
  c: RowChecker,
  raw: ImportRowInput,
  fortune500Lists: Fortune500List[] | undefined,
  specializedSmeLevel: (typeof SPECIALIZED_SME_LEVELS)[number] | null,
): { fortune500: boolean | null; specializedSme: boolean | null } {
  const given = (value: unknown, field: string): boolean | undefined | null => (c.present(value) ? c.bool(value, field) : undefined);
  const fortune500 = given(raw.fortune500, 'fortune500');
  const specializedSme = given(raw.specializedSme, 'specializedSme');
  if (fortune500 === null || specializedSme === null) return { fortune500: null, specializedSme: null };
  const resolve = (field: 'fortune500' | 'specializedSme', rule: () => boolean): boolean | null => {
    try {
      return rule();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // The rule's own Chinese reason, e.g. “是否500强”与所填500强榜单矛盾.
      return c.fail(err.field ?? field, err.text.zh);
    }
  };
  return {
    fortune500: resolve('fortune500', () => resolveLeadFlags({ fortune500: fortune500 ?? (fortune500Lists === undefined ? false : undefined), fortune500Lists, specializedSme: true }).fortune500),
    specializedSme: resolve('specializedSme', () =>
      resolveLeadFlags({ fortune500: true, specializedSme: specializedSme ?? (specializedSmeLevel === null ? false : undefined), specializedSmeLevel }).specializedSme,
    ),
  };
}

function parseNodes(c: RowChecker, raw: unknown, defaultResponsible: string | null): ParsedImportNode[] {
  if (!Array.isArray(raw)) {
    c.fail('nodes', '应列出全部九个节点的计划日期');
    return [];
  }
  const byKind = new Map<MilestoneKind, ImportNodeInput>();
  raw.forEach((n: ImportNodeInput, i) => {
    const kind = MILESTONE_KINDS.find((k) => k === n?.kind || MILESTONE_LABELS[k] === n?.kind);
    if (!kind) c.fail(`nodes[${i}]`, `节点类型应为以下之一：${MILESTONE_KINDS.map((k) => MILESTONE_LABELS[k]).join('、')}`);
    else if (byKind.has(kind)) c.fail(`nodes.${kind}.dueOn`, '节点重复');
    else byKind.set(kind, n);
  });
  const nodes: ParsedImportNode[] = [];
  for (const kind of MILESTONE_KINDS) {
    const n = byKind.get(kind);
    const dueOn = c.date(n?.dueOn, `nodes.${kind}.dueOn`, true, true);
    const completedOn = c.date(n?.completedOn, `nodes.${kind}.completedOn`, false);
    const evidence = c.text(n?.evidence, `nodes.${kind}.evidence`, false);
    const responsible = c.text(n?.responsible, `nodes.${kind}.responsible`, false) ?? defaultResponsible;
    if (!responsible) c.fail(`nodes.${kind}.responsible`, '必填（或填写节点责任人账号）');
    if (dueOn && responsible) nodes.push({ kind, dueOn, completedOn, evidence: completedOn ? (evidence ?? '导入（历史台账）') : null, responsible });
  }
  return nodes;
}

function parseFunds(c: RowChecker, raw: unknown): ParsedImportFunds[] {
  if (raw === undefined || raw === null || raw === '') return [];
  if (!Array.isArray(raw)) return c.fail('funds', '应为到位资金记录列表') ?? [];
  return raw.flatMap((f: ImportFundsInput, i): ParsedImportFunds[] => {
    const date = c.date(f?.date, `funds[${i}].date`, true);
    const amountYi = c.number(f?.amountYi, `funds[${i}].amountYi`, true, { min: 0, max: MAX_ESTIMATED_INVESTMENT_YI, places: 4, positive: true });
    const source = c.choice(f?.source, `funds[${i}].source`, FUNDS_SOURCES, FUNDS_SOURCE_LABELS, true);
    const evidence = c.text(f?.evidence, `funds[${i}].evidence`, true);
    return date && amountYi !== null && source && evidence ? [{ date, amountYi, source, evidence }] : [];
  });
}

/**
 * Checks one row and the coherence of its dates: registration ≤ decision ≤ signing ≤ every node
 * completion and funds entry, committed dates in order from signing, nothing done in the future,
 * every year in 1900–2199, and what each stage requires (a contract and a plan from construction
 * on, every node completed from service on, the open production node during construction).
 */
export function parseImportRow(raw: ImportRowInput, now: number): { row: ParsedImportRow | null; errors: ImportFieldError[] } {
  const c = new RowChecker(shanghaiDate(now));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { row: null, errors: [{ field: 'row', message: '应为一条项目记录（对象）' }] };
  const stage = c.choice(raw.stage, 'stage', IMPORT_STAGES, IMPORT_STAGE_LABELS, true);
  const companyName = c.text(raw.companyName, 'companyName', true);
  const contactName = c.text(raw.contactName, 'contactName', true);
  const contactPhone = c.text(raw.contactPhone, 'contactPhone', false);
  const industryChain = c.text(raw.industryChain, 'industryChain', true);
  const estimatedInvestmentYi = c.number(raw.estimatedInvestmentYi, 'estimatedInvestmentYi', true, { min: 0, max: MAX_ESTIMATED_INVESTMENT_YI, places: 4, positive: true });
  const sourceChannel = c.choice(raw.sourceChannel, 'sourceChannel', SOURCE_CHANNELS, SOURCE_CHANNEL_LABELS, true);
  const infoGrade = c.choice(raw.infoGrade, 'infoGrade', INFO_GRADES, INFO_GRADE_LABELS, true);
  const fortune500Lists = c.fortune500Lists(raw.fortune500Lists, 'fortune500Lists');
  const listedCompany = c.optionalBool(raw.listedCompany, 'listedCompany');
  const specializedSmeLevel = c.choice(raw.specializedSmeLevel, 'specializedSmeLevel', SPECIALIZED_SME_LEVELS, SPECIALIZED_SME_LEVEL_LABELS, false);
  const origin = c.choice(raw.origin, 'origin', INVESTOR_ORIGINS, INVESTOR_ORIGIN_LABELS, false);
  const creditCode = c.creditCode(raw.creditCode, 'creditCode');
  const flags = leadFlags(c, raw, fortune500Lists, specializedSmeLevel);
  const kind = c.present(raw.kind) ? c.choice(raw.kind, 'kind', PROJECT_KINDS, PROJECT_KIND_LABELS, true) : 'new';
  const notes = c.text(raw.notes, 'notes', false);
  const reporter = c.text(raw.reporter, 'reporter', false);
  const owner = c.text(raw.owner, 'owner', false);
  const campaignId = c.text(raw.campaignId, 'campaignId', false);
  const registeredOn = c.date(raw.registeredOn, 'registeredOn', true);
  const level = stage ? STAGE_ORDER[stage] : 0;

  const decidedOn = c.date(raw.decidedOn, 'decidedOn', level >= 1);
  c.order(registeredOn, 'registeredOn', decidedOn, 'decidedOn');
  if (stage === 'intake' && decidedOn) c.fail('decidedOn', '48小时研判阶段的项目尚未研判，不应填写');

  let contract: ParsedContract | null = null;
  let nodes: ParsedImportNode[] = [];
  let funds: ParsedImportFunds[] = [];
  let commissioner: string | null = null;
  const contractFields = ['signedOn', 'contractInvestmentYi', 'committedConstructionStart'] as const;
  if (level >= 2) {
    const signedOn = c.date(raw.signedOn, 'signedOn', true);
    c.order(decidedOn ?? registeredOn, decidedOn ? 'decidedOn' : 'registeredOn', signedOn, 'signedOn');
    const contractInvestmentYi = c.number(raw.contractInvestmentYi, 'contractInvestmentYi', true, { min: 0, max: MAX_ESTIMATED_INVESTMENT_YI, places: 4, positive: true });
    const committedKeys = ['committedConstructionStart', 'committedEquipmentEntry', 'committedProduction', 'committedFirstTax'] as const;
    const committedDates = committedKeys.map((k) => c.date(raw[k], k, true, true));
    let previous: [string, string | null] = ['signedOn', signedOn];
    committedKeys.forEach((k, i) => {
      c.order(previous[1], previous[0], committedDates[i], k);
      if (committedDates[i]) previous = [k, committedDates[i]];
    });
    const landAreaM2 = c.number(raw.landAreaM2, 'landAreaM2', false, { min: 0, max: 2_000_000, places: 2 }) ?? 0;
    const factoryAreaM2 = c.number(raw.factoryAreaM2, 'factoryAreaM2', false, { min: 0, max: 2_000_000, places: 2 }) ?? 0;
    if (landAreaM2 === 0 && factoryAreaM2 === 0) c.fail('landAreaM2', '用地面积与厂房面积至少填写一项');
    const contractNo = c.text(raw.contractNo, 'contractNo', false);
    commissioner = c.text(raw.commissioner, 'commissioner', false);
    const responsible = c.text(raw.responsible, 'responsible', false);
    nodes = parseNodes(c, raw.nodes, responsible);
    funds = parseFunds(c, raw.funds);
    for (const n of nodes) {
      c.order(signedOn, 'signedOn', n.dueOn, `nodes.${n.kind}.dueOn`);
      c.order(signedOn, 'signedOn', n.completedOn, `nodes.${n.kind}.completedOn`);
      if (level >= 3 && !n.completedOn) c.fail(`nodes.${n.kind}.completedOn`, `${IMPORT_STAGE_LABELS[stage!]}阶段的项目所有节点应已完成`);
    }
    const production = nodes.find((n) => n.kind === 'production');
    const trial = nodes.find((n) => n.kind === 'trial_production');
    if (level === 2 && production?.completedOn) c.fail('nodes.production.completedOn', '已投产的项目应导入为“投产后服务”阶段');
    c.order(trial?.completedOn ?? null, 'nodes.trial_production.completedOn', production?.completedOn ?? null, 'nodes.production.completedOn');
    funds.forEach((f, i) => c.order(signedOn, 'signedOn', f.date, `funds[${i}].date`));
    if (signedOn && contractInvestmentYi !== null && committedDates.every((d) => d)) {
      const [constructionStart, equipmentEntry, production_, firstTax] = committedDates as string[];
      contract = { contractNo, contractInvestmentYi, signedOn, committed: { constructionStart, equipmentEntry, production: production_, firstTax }, landAreaM2, factoryAreaM2 };
    }
  } else {
    for (const f of [...contractFields, 'nodes', 'funds', 'commissioner'] as const) {
      if (c.present(raw[f])) c.fail(f, `${stage ? IMPORT_STAGE_LABELS[stage] : '该'}阶段的项目尚未签约，不应填写`);
    }
  }

  let completedOn: string | null = null;
  let completionReason: string | null = null;
  if (level === 4) {
    completedOn = c.date(raw.completedOn, 'completedOn', true);
    completionReason = c.text(raw.completionReason, 'completionReason', false) ?? '导入：历史履约完成';
    c.order(nodes.find((n) => n.kind === 'production')?.completedOn ?? null, 'nodes.production.completedOn', completedOn, 'completedOn');
  } else if (c.present(raw.completedOn)) {
    c.fail('completedOn', '仅“履约完成”阶段的项目填写');
  }

  if (c.errors.length > 0 || !stage) return { row: null, errors: c.errors };
  const lead: Lead = {
    companyName: companyName!,
    contactName: contactName!,
    ...(contactPhone ? { contactPhone } : {}),
    industryChain: industryChain!,
    estimatedInvestmentYi: estimatedInvestmentYi!,
    sourceChannel: sourceChannel!,
    infoGrade: infoGrade!,
    fortune500: flags.fortune500!,
    specializedSme: flags.specializedSme!,
    kind: kind!,
    ...(notes ? { notes } : {}),
    ...(fortune500Lists !== undefined ? { fortune500Lists } : {}),
    ...(listedCompany !== undefined ? { listedCompany } : {}),
    ...(specializedSmeLevel ? { specializedSmeLevel } : {}),
    ...(origin ? { origin } : {}),
    ...(creditCode ? { creditCode } : {}),
  };
  return {
    row: { stage, lead, registeredOn: registeredOn!, decidedOn, contract, commissioner, nodes, funds, completedOn, completionReason, reporter, owner, campaignId },
    errors: [],
  };
}

/**
 * Rows of one import sharing a 统一社会信用代码 (normalised): one company twice in the same file is a
 * mistake, so each such row gets an error naming the other rows. Read from the raw rows, so a row
 * with other errors is still named; a code that is not valid is left to parseImportRow. (Duplicate
 * detection against the projects already registered does not apply to an import.)
 */
export function creditCodeClashes(rows: Array<{ row: number; input: ImportRowInput }>): Array<{ row: number; error: ImportFieldError }> {
  const byCode = new Map<string, number[]>();
  for (const r of rows) {
    const raw: unknown = r.input && typeof r.input === 'object' ? r.input.creditCode : undefined;
    const code = typeof raw === 'string' ? normaliseCreditCode(raw) : '';
    if (code && creditCodeProblem(code) === null) byCode.set(code, [...(byCode.get(code) ?? []), r.row]);
  }
  return [...byCode.entries()]
    .filter(([, same]) => same.length > 1)
    .flatMap(([code, same]) =>
      same.map((row) => ({
        row,
        error: {
          field: 'creditCode',
          message: `${importFieldLabel('creditCode')}：与第${same.filter((r) => r !== row).join('、第')}行相同（${code}），同一企业不应在导入中出现两次`,
        },
      })),
    )
    .sort((a, b) => a.row - b.row);
}
