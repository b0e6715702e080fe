import { shanghaiDate } from '../project/calendar-dates';

/**
 * 招商攻势 / 行动 (issue 10, item 6): a named period in which a roster of teams (小分队) and officers
 * compete on the projects credited to the campaign. Dates are calendar dates (YYYY-MM-DD,
 * Asia/Shanghai), both ends included.
 */
export interface CampaignPeriod {
  startsOn: string;
  endsOn: string;
}

/** 攻势目标: what the campaign aims for; any of them may be left open (null). */
export interface CampaignTargets {
  /** 签约合同投资额, 亿元. */
  contractInvestmentYi: number | null;
  /** 到位资金, 亿元. */
  fundsInPlaceYi: number | null;
  /** 签约项目数. */
  signedProjects: number | null;
  /** 新增线索数. */
  leads: number | null;
}

export const CAMPAIGN_TARGET_LABELS: Record<keyof CampaignTargets, string> = {
  contractInvestmentYi: '签约合同投资额（亿元）',
  fundsInPlaceYi: '到位资金（亿元）',
  signedProjects: '签约项目数',
  leads: '新增线索数',
};

export const NO_CAMPAIGN_TARGETS: CampaignTargets = { contractInvestmentYi: null, fundsInPlaceYi: null, signedProjects: null, leads: null };

/** Whether `date` falls within the period (both ends included). */
export function isWithinPeriod(period: CampaignPeriod, date: string | null | undefined): boolean {
  return date != null && date >= period.startsOn && date <= period.endsOn;
}

/** A campaign is active on the days of its period. */
export function isCampaignActiveOn(period: CampaignPeriod, date: string): boolean {
  return isWithinPeriod(period, date);
}

/**
 * The leaderboard may be frozen (封榜) only once the period is over: from the day after `endsOn`
 * in Asia/Shanghai, so results recorded on the last day still count.
 */
export function hasCampaignEnded(period: CampaignPeriod, now: number): boolean {
  return shanghaiDate(now) > period.endsOn;
}
