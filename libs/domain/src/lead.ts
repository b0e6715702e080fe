/** Where a lead came from (domain.md, "Lead"). */
export const SOURCE_CHANNELS = [
  'all_staff_report',
  'small_team',
  'resident_office',
  'consultant',
  'agency',
  'investor_referral',
  'expo_event',
  'inbound_visit',
] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export const SOURCE_CHANNEL_LABELS: Record<SourceChannel, string> = {
  all_staff_report: '全民招商',
  small_team: '小分队招商',
  resident_office: '驻点招商',
  consultant: '招商顾问',
  agency: '代理机构',
  investor_referral: '以商招商',
  expo_event: '展会推介',
  inbound_visit: '来访考察',
};

/** 信息分级处理: the grade sets the follow-up cadence in negotiation. */
export const INFO_GRADES = ['A', 'B', 'C'] as const;
export type InfoGrade = (typeof INFO_GRADES)[number];
export const INFO_GRADE_LABELS: Record<InfoGrade, string> = { A: 'A类信息', B: 'B类信息', C: 'C类信息' };

export const PROJECT_KINDS = ['new', 'expansion'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = { new: '新引进', expansion: '增资扩产' };

/**
 * Estimated investment in 亿元 (100 million yuan). The largest single projects in the
 * seeds are tens of 亿; 10,000 亿 (1 trillion yuan) is far beyond any real project and
 * catches unit mistakes (yuan typed as 亿).
 */
export const MAX_ESTIMATED_INVESTMENT_YI = 10_000;
export const INVESTMENT_DECIMAL_PLACES = 4;

/** 三类500强: 世界500强, 中国500强, 中国民营企业500强. */
export const FORTUNE_500_LISTS = ['global', 'china', 'private'] as const;
export type Fortune500List = (typeof FORTUNE_500_LISTS)[number];
export const FORTUNE_500_LIST_LABELS: Record<Fortune500List, string> = { global: '世界500强', china: '中国500强', private: '中国民营企业500强' };

/** 专精特新 level. */
export const SPECIALIZED_SME_LEVELS = ['national_little_giant', 'provincial'] as const;
export type SpecializedSmeLevel = (typeof SPECIALIZED_SME_LEVELS)[number];
export const SPECIALIZED_SME_LEVEL_LABELS: Record<SpecializedSmeLevel, string> = { national_little_giant: '国家级专精特新"小巨人"', provincial: '省级专精特新' };

/** Where the investor comes from. */
export const INVESTOR_ORIGINS = ['outside_province', 'inside_province', 'first_in_province'] as const;
export type InvestorOrigin = (typeof INVESTOR_ORIGINS)[number];
export const INVESTOR_ORIGIN_LABELS: Record<InvestorOrigin, string> = { outside_province: '省外', inside_province: '省内', first_in_province: '首次在省内投资' };

export interface Lead {
  companyName: string;
  contactName: string;
  contactPhone?: string;
  industryChain: string;
  estimatedInvestmentYi: number;
  sourceChannel: SourceChannel;
  infoGrade: InfoGrade;
  fortune500: boolean;
  specializedSme: boolean;
  kind: ProjectKind;
  notes?: string;
  /** Issue 10 (absent on leads registered before): which 500强 lists; `fortune500` is true when any. */
  fortune500Lists?: Fortune500List[];
  /** 上市公司 */
  listedCompany?: boolean;
  /** 专精特新 level; `specializedSme` is true when set. */
  specializedSmeLevel?: SpecializedSmeLevel | null;
  origin?: InvestorOrigin | null;
  /** 统一社会信用代码 (GB 32100-2015), checksum validated. */
  creditCode?: string | null;
}
