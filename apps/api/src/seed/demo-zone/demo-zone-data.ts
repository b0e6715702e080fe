// The demo zone `npm run demo:seed` builds (issue 10, item 11): an organisation, a two-month
// campaign ending on the day of seeding with 40 projects at every stage (30 imported with their past,
// 10 registered live), targets and funds. Fictional companies and people;
// the chains are the zone's registered 八链两组一室 (organisation migration).
import type { DepartmentKind, Fortune500List, FundsSource, InfoGrade, InvestorOrigin, ProjectKind, Role, SourceChannel, SpecializedSmeLevel } from '@zs/domain';

/** In the campaign's description: a campaign carrying it is the demo zone's (the idempotency marker). */
export const DEMO_ZONE_MARKER = '[demo-zone]';

/** Departments added to the registered ones (codes of the organisation migration are referred to as they are). */
export const DEMO_DEPARTMENTS: ReadonlyArray<{ code: string; name: string; kind: DepartmentKind; parentCode: string | null }> = [
  { code: 'zssj', name: '招商三局', kind: 'direct', parentCode: 'jjhzj' },
  { code: 'zwzsllc', name: '驻外招商联络处', kind: 'direct', parentCode: 'jjhzj' },
];

export interface DemoPerson {
  username: string;
  displayName: string;
  role: Role;
  /** Department code. */
  department: string;
}

/** 招商专员 of the three bureaus and the liaison office, and the zone leaders who are 链长. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { username: 'demo-liuwei', displayName: '刘伟', role: 'investment_officer', department: 'zsyj' },
  { username: 'demo-chenjing', displayName: '陈静', role: 'investment_officer', department: 'zsyj' },
  { username: 'demo-yangfan', displayName: '杨帆', role: 'investment_officer', department: 'zsyj' },
  { username: 'demo-huangtao', displayName: '黄涛', role: 'investment_officer', department: 'zsej' },
  { username: 'demo-zhoumin', displayName: '周敏', role: 'investment_officer', department: 'zsej' },
  { username: 'demo-wuqiang', displayName: '吴强', role: 'investment_officer', department: 'zsej' },
  { username: 'demo-xulei', displayName: '徐磊', role: 'investment_officer', department: 'zssj' },
  { username: 'demo-sunyan', displayName: '孙艳', role: 'investment_officer', department: 'zssj' },
  { username: 'demo-maqian', displayName: '马倩', role: 'investment_officer', department: 'zssj' },
  { username: 'demo-zhuhao', displayName: '朱浩', role: 'investment_officer', department: 'zwzsllc' },
  { username: 'demo-hulin', displayName: '胡琳', role: 'investment_officer', department: 'zwzsllc' },
  { username: 'demo-guojun', displayName: '郭军', role: 'investment_officer', department: 'zwzsllc' },
  { username: 'demo-hewei', displayName: '何为', role: 'zone_leadership', department: 'gwh' },
  { username: 'demo-luoping', displayName: '罗平', role: 'zone_leadership', department: 'gwh' },
];

/** 小分队: leader and members by username. */
export const DEMO_TEAMS: ReadonlyArray<{ name: string; department: string; leader: string; members: string[] }> = [
  { name: '长三角招商小分队', department: 'zsyj', leader: 'demo-liuwei', members: ['demo-liuwei', 'demo-chenjing'] },
  { name: '珠三角招商小分队', department: 'zsyj', leader: 'demo-yangfan', members: ['demo-yangfan', 'demo-huangtao'] },
  { name: '京津冀招商小分队', department: 'zsej', leader: 'demo-zhoumin', members: ['demo-zhoumin', 'demo-wuqiang'] },
  { name: '成渝招商小分队', department: 'zssj', leader: 'demo-xulei', members: ['demo-xulei', 'demo-sunyan', 'demo-maqian'] },
  { name: '驻深圳招商小分队', department: 'zwzsllc', leader: 'demo-zhuhao', members: ['demo-zhuhao', 'demo-hulin', 'demo-guojun'] },
];

/** 链长 and 分链长 of the registered chains the campaign works. */
export const DEMO_CHAIN_CHIEFS: ReadonlyArray<{ chain: string; chief: string; deputies: string[] }> = [
  { chain: '先进轨道交通装备', chief: 'demo-hewei', deputies: ['demo-liuwei'] },
  { chain: '中小航空发动机及通用航空', chief: 'demo-hewei', deputies: ['demo-huangtao'] },
  { chain: '新能源汽车', chief: 'demo-luoping', deputies: ['demo-zhoumin'] },
  { chain: '电子信息', chief: 'demo-luoping', deputies: ['demo-xulei'] },
  { chain: '先进硬质材料', chief: 'demo-hewei', deputies: ['demo-zhuhao'] },
  { chain: '新能源新材料', chief: 'demo-luoping', deputies: ['demo-sunyan'] },
];

/**
 * The campaign's period: the two months ending on the day of seeding (Asia/Shanghai), e.g. seeded
 * on 2026-12-01 → 2026-10-02 … 2026-12-01; the projects registered live today fall on its last day.
 */
export function demoCampaignPeriod(today: string): { startsOn: string; endsOn: string } {
  const [year, month, day] = today.split('-').map(Number);
  // Two months back, then the next day; a day the earlier month lacks (31 Dec → 31 Oct fine, 30 Apr → 30 Feb) clamps to its last.
  const back = new Date(Date.UTC(year, month - 3, 1));
  const lastDay = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth(), Math.min(day, lastDay) + 1));
  return { startsOn: start.toISOString().slice(0, 10), endsOn: today };
}

/** The campaign's name from its first day. */
export function demoCampaignName(startsOn: string): string {
  const [year, month] = startsOn.split('-').map(Number);
  const season = month >= 3 && month <= 5 ? '春季' : month >= 6 && month <= 8 ? '夏季' : month >= 9 && month <= 11 ? '秋季' : '冬季';
  return `${year}年${season}招商攻势`;
}
export const DEMO_CAMPAIGN_DESCRIPTION = `两个月驻点招商：五支小分队赴长三角、珠三角、京津冀、成渝、深圳开展产业链精准招商。${DEMO_ZONE_MARKER}`;
export const DEMO_CAMPAIGN_TARGETS = { contractInvestmentYi: 150, fundsInPlaceYi: 40, signedProjects: 20, leads: 40 };

/** Annual targets (亿元, counts): the zone, each bureau, each team. */
export const DEMO_ZONE_TARGET = { contractInvestmentYi: 600, fundsInPlaceYi: 180, countGe1: 60, countGe5: 25, countGe10: 10, fortune500Count: 5 };
export const DEMO_DEPARTMENT_TARGETS: Record<string, typeof DEMO_ZONE_TARGET> = {
  zsyj: { contractInvestmentYi: 200, fundsInPlaceYi: 60, countGe1: 20, countGe5: 8, countGe10: 3, fortune500Count: 2 },
  zsej: { contractInvestmentYi: 160, fundsInPlaceYi: 50, countGe1: 16, countGe5: 7, countGe10: 3, fortune500Count: 1 },
  zssj: { contractInvestmentYi: 140, fundsInPlaceYi: 40, countGe1: 14, countGe5: 6, countGe10: 2, fortune500Count: 1 },
  zwzsllc: { contractInvestmentYi: 100, fundsInPlaceYi: 30, countGe1: 10, countGe5: 4, countGe10: 2, fortune500Count: 1 },
};
export const DEMO_TEAM_TARGET = { contractInvestmentYi: 30, fundsInPlaceYi: 8, countGe1: 4, countGe5: 2, countGe10: 1, fortune500Count: null };

/**
 * How far a project has gone. `lead`, `info_requested`, `rejected`, `lost` and `signing` are
 * registered LIVE (today, through POST /leads and the steps); `negotiating` and `signed` are live
 * when the project says `live: true`, IMPORTED otherwise (POST /imports/projects, with their past
 * dates over the campaign); `construction` and `production` are always imported.
 */
export type DemoStage =
  | 'lead' // 线索，待研判（48小时时钟今天起算）
  | 'info_requested' // 研判中，要求补充材料
  | 'rejected' // 不予承接
  | 'negotiating' // 洽谈中
  | 'lost' // 项目流失
  | 'signing' // 洽谈成功，待签约
  | 'signed' // 已签约：合同、项目专员、节点计划（导入时前一两个节点已完成）
  | 'construction' // 在建，部分节点按期或逾期完成，资金分批到位
  | 'production'; // 已投产，资金到位，首次纳税

/** Stages only a live registration reaches (the import has no rejected, lost or to-sign stage). */
export const LIVE_ONLY_STAGES: readonly DemoStage[] = ['lead', 'info_requested', 'rejected', 'lost', 'signing'];

export interface DemoProject {
  company: string;
  chain: string;
  investmentYi: number;
  owner: string;
  stage: DemoStage;
  /** Registered today through the API (always for LIVE_ONLY_STAGES). */
  live?: boolean;
  channel: SourceChannel;
  grade: InfoGrade;
  kind: ProjectKind;
  origin: InvestorOrigin;
  fortune500Lists?: Fortune500List[];
  listedCompany?: boolean;
  specializedSmeLevel?: SpecializedSmeLevel;
  /** Signed projects: 合同投资额 (亿元). */
  contractYi?: number;
  /** Signed projects: funds in place entries (亿元, source), dated over the project's past by the seed. */
  funds?: ReadonlyArray<{ amountYi: number; source: FundsSource }>;
}

/** Whether the seed registers the project live (today) rather than importing it with its past. */
export const isLiveDemoProject = (p: DemoProject): boolean => p.live === true || LIVE_ONLY_STAGES.includes(p.stage);

const p = (
  company: string,
  chain: string,
  investmentYi: number,
  owner: string,
  stage: DemoStage,
  more: Partial<DemoProject> = {},
): DemoProject => ({ company, chain, investmentYi, owner, stage, channel: 'small_team', grade: 'B', kind: 'new', origin: 'outside_province', ...more });

/**
 * 40 projects. LIVE (10, registered today): 4 leads on their 48-hour clock, 1 awaiting information,
 * 1 rejected, 1 negotiating with a visit, 1 lost, 1 to sign, 1 signed today with funds.
 * IMPORTED (30, with their past): 11 negotiating (registered on different days of the campaign),
 * 6 signed during the campaign, 7 in construction, 6 in production.
 */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  // —— 今天登记（实时）——
  // 线索 (48小时研判)
  p('苏州睿驰精密传动有限公司', '先进轨道交通装备', 3.2, 'demo-liuwei', 'lead', { grade: 'A' }),
  p('东莞云帆储能科技有限公司', '新能源新材料', 6.5, 'demo-yangfan', 'lead', { channel: 'resident_office' }),
  p('天津海岳航空部件有限公司', '中小航空发动机及通用航空', 2.4, 'demo-wuqiang', 'lead', { grade: 'C' }),
  p('重庆微芯传感技术有限公司', '电子信息', 1.8, 'demo-sunyan', 'lead', { specializedSmeLevel: 'provincial' }),
  // 研判中：补充材料
  p('宁波拓域新材料股份有限公司', '新能源新材料', 8.0, 'demo-chenjing', 'info_requested', { listedCompany: true }),
  // 不予承接
  p('广州恒裕贸易有限公司', '电子信息', 0.6, 'demo-huangtao', 'rejected', { grade: 'C', channel: 'agency' }),
  // 洽谈中（今天接洽、走访）
  p('上海启衡轨道装备有限公司', '先进轨道交通装备', 12.0, 'demo-liuwei', 'negotiating', { live: true, grade: 'A', fortune500Lists: ['china'] }),
  // 项目流失
  p('无锡博远电池材料有限公司', '新能源新材料', 7.0, 'demo-huangtao', 'lost'),
  // 洽谈成功，待签约
  p('南京中车瑞达电气有限公司', '先进轨道交通装备', 15.0, 'demo-liuwei', 'signing', { grade: 'A', fortune500Lists: ['global', 'china'], listedCompany: true }),
  // 今天签约，资金首笔到位
  p('常州天合精密模具有限公司', '先进硬质材料', 2.8, 'demo-yangfan', 'signed', { live: true, contractYi: 3.0, funds: [{ amountYi: 0.5, source: 'self_raised' }] }),

  // —— 导入（带历史日期）——
  // 洽谈中：攻势期间不同日期登记，1–2天后研判通过
  p('深圳铂川智能装备有限公司', '先进硬质材料', 4.0, 'demo-hulin', 'negotiating', { channel: 'investor_referral' }),
  p('湘潭长岭电驱系统有限公司', '新能源汽车', 2.2, 'demo-maqian', 'negotiating', { origin: 'inside_province', channel: 'all_staff_report' }),
  p('北京星弧航电科技有限公司', '中小航空发动机及通用航空', 5.6, 'demo-zhoumin', 'negotiating', { grade: 'A' }),
  p('杭州澜芯半导体有限公司', '电子信息', 9.5, 'demo-chenjing', 'negotiating', { grade: 'A', specializedSmeLevel: 'national_little_giant' }),
  p('佛山骏驰汽车零部件有限公司', '新能源汽车', 4.8, 'demo-yangfan', 'negotiating'),
  p('廊坊中翼通航服务有限公司', '中小航空发动机及通用航空', 3.0, 'demo-wuqiang', 'negotiating', { grade: 'C' }),
  p('绵阳九洲精工有限公司', '电子信息', 2.6, 'demo-maqian', 'negotiating', { origin: 'first_in_province' }),
  p('深圳凯越硬质合金有限公司', '先进硬质材料', 5.2, 'demo-guojun', 'negotiating', { channel: 'resident_office' }),
  p('长沙麓谷光电科技有限公司', '电子信息', 1.5, 'demo-sunyan', 'negotiating', { origin: 'inside_province', kind: 'expansion' }),
  p('厦门海翔复合材料有限公司', '先进硬质材料', 3.4, 'demo-zhuhao', 'negotiating'),
  p('成都锦程智能物流装备有限公司', '先进轨道交通装备', 0.8, 'demo-xulei', 'negotiating', { grade: 'C' }),
  // 攻势期间签约：合同、项目专员、节点计划
  p('西安航宇动力科技有限公司', '中小航空发动机及通用航空', 6.0, 'demo-zhoumin', 'signed', { grade: 'A', contractYi: 6.2 }),
  p('惠州德赛新能源电池有限公司', '新能源汽车', 8.8, 'demo-hulin', 'signed', { fortune500Lists: ['private'], contractYi: 9.0, funds: [{ amountYi: 1.0, source: 'equity' }] }),
  p('保定英利光伏材料有限公司', '新能源新材料', 5.5, 'demo-wuqiang', 'signed', { contractYi: 5.0 }),
  p('成都蓉芯集成电路有限公司', '电子信息', 10.0, 'demo-xulei', 'signed', { grade: 'A', contractYi: 11.2, specializedSmeLevel: 'national_little_giant', funds: [{ amountYi: 2.0, source: 'equity' }] }),
  p('深圳速腾激光雷达有限公司', '新能源汽车', 6.6, 'demo-guojun', 'signed', { contractYi: 6.0, listedCompany: true }),
  p('株洲湘江齿轮有限公司', '先进轨道交通装备', 1.6, 'demo-chenjing', 'signed', { origin: 'inside_province', kind: 'expansion', contractYi: 1.8 }),
  // 在建：攻势前签约，节点部分按期、部分逾期完成，资金分批到位
  p('苏州汇川轨道牵引系统有限公司', '先进轨道交通装备', 18.0, 'demo-liuwei', 'construction', { grade: 'A', fortune500Lists: ['china'], contractYi: 20.0, funds: [{ amountYi: 4.0, source: 'equity' }, { amountYi: 3.5, source: 'loan' }] }),
  p('青岛海尔智控电子有限公司', '电子信息', 7.2, 'demo-huangtao', 'construction', { fortune500Lists: ['global', 'china'], contractYi: 8.0, funds: [{ amountYi: 2.4, source: 'equity' }] }),
  p('北京航材院株洲分院有限公司', '中小航空发动机及通用航空', 4.5, 'demo-zhoumin', 'construction', { contractYi: 4.5, funds: [{ amountYi: 1.2, source: 'government_fund' }] }),
  p('重庆长鹏汽车电子有限公司', '新能源汽车', 9.0, 'demo-maqian', 'construction', { contractYi: 9.6, funds: [{ amountYi: 1.5, source: 'loan' }, { amountYi: 1.5, source: 'self_raised' }] }),
  p('自贡硬质合金精深加工有限公司', '先进硬质材料', 3.6, 'demo-sunyan', 'construction', { origin: 'first_in_province', contractYi: 3.8 }),
  p('深圳比克动力电池有限公司', '新能源新材料', 12.5, 'demo-zhuhao', 'construction', { grade: 'A', fortune500Lists: ['private'], contractYi: 13.0, funds: [{ amountYi: 5.0, source: 'equity' }, { amountYi: 2.0, source: 'self_raised' }] }),
  p('广州广电计量检测有限公司', '电子信息', 2.0, 'demo-yangfan', 'construction', { listedCompany: true, contractYi: 2.2 }),
  // 已投产：全部节点完成，几家在攻势期间投产，首次纳税
  p('宁波中车时代传感技术有限公司', '先进轨道交通装备', 5.0, 'demo-chenjing', 'production', { contractYi: 5.5, funds: [{ amountYi: 3.0, source: 'equity' }, { amountYi: 2.0, source: 'loan' }] }),
  p('天津中航动力部件有限公司', '中小航空发动机及通用航空', 8.0, 'demo-wuqiang', 'production', { fortune500Lists: ['china'], contractYi: 8.5, funds: [{ amountYi: 4.0, source: 'equity' }, { amountYi: 2.0, source: 'equity' }] }),
  p('东莞新能德电子科技有限公司', '新能源汽车', 3.5, 'demo-hulin', 'production', { contractYi: 3.6, funds: [{ amountYi: 2.0, source: 'self_raised' }, { amountYi: 1.6, source: 'loan' }] }),
  p('成都硅宝新材料有限公司', '新能源新材料', 2.5, 'demo-xulei', 'production', { listedCompany: true, contractYi: 2.5, funds: [{ amountYi: 2.0, source: 'equity' }] }),
  p('厦门钨业硬质材料有限公司', '先进硬质材料', 11.0, 'demo-guojun', 'production', { grade: 'A', fortune500Lists: ['china'], listedCompany: true, contractYi: 12.0, funds: [{ amountYi: 5.0, source: 'equity' }, { amountYi: 3.0, source: 'loan' }, { amountYi: 2.0, source: 'equity' }] }),
  p('株洲高科电子元器件有限公司', '电子信息', 1.2, 'demo-maqian', 'production', { origin: 'inside_province', kind: 'expansion', contractYi: 1.2, funds: [{ amountYi: 0.7, source: 'self_raised' }, { amountYi: 0.5, source: 'self_raised' }] }),
];
