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
}
