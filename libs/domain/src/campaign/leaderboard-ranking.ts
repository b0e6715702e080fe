/**
 * 攻势排行榜的排名规则 (ranking rule of a campaign leaderboard):
 *
 * 1. 按期内签约合同投资额（亿元）从高到低排名；
 * 2. 合同投资额相同的，按期内签约项目数从多到少；
 * 3. 仍相同的，按期内到位资金（亿元）从高到低；
 * 4. 以上三项全部相同的为并列，名次相同（如 1、2、2、4），并列者按名称（中文拼音序）列出，名称相同再按编号。
 *
 * Amounts are compared at the precision they are stored with (4 decimals of 亿元, i.e. 1 万元), so
 * 0.1 + 0.2 and 0.3 tie. Members with no result at all are listed too, tied at the bottom.
 */
/** The rule above, as the API states it next to every leaderboard. */
export const LEADERBOARD_RANKING_RULE =
  '按攻势期内签约合同投资额（亿元）从高到低排名；相同的按期内签约项目数从多到少；仍相同的按期内到位资金（亿元）从高到低；三项均相同的并列同一名次（下一名次顺延），并列者按名称拼音序列出。名单内没有成绩的小分队或人员同样列出。';

export interface RankableResult {
  /** A team id or a user id. */
  id: string;
  /** The team's or the officer's name, for the last tie-break and for display. */
  name: string;
  contractInvestmentYi: number;
  signedProjects: number;
  fundsInPlaceYi: number;
}

export type Ranked<T> = T & { rank: number };

const AMOUNT_SCALE = 10_000;
const amount = (yi: number) => Math.round(yi * AMOUNT_SCALE);
const byName = new Intl.Collator('zh-CN-u-co-pinyin');

/** Negative when `a` ranks ahead of `b` on results; 0 when they are tied (并列). */
export function compareResults(a: RankableResult, b: RankableResult): number {
  return (
    amount(b.contractInvestmentYi) - amount(a.contractInvestmentYi) ||
    b.signedProjects - a.signedProjects ||
    amount(b.fundsInPlaceYi) - amount(a.fundsInPlaceYi)
  );
}

/** Sorted by the rule above, each with its rank (competition ranking: ties share a rank, the next rank skips). */
export function rankResults<T extends RankableResult>(results: readonly T[]): Array<Ranked<T>> {
  const sorted = [...results].sort((a, b) => compareResults(a, b) || byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: Array<Ranked<T>> = [];
  sorted.forEach((result, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compareResults(previous, result) === 0 ? previous.rank : index + 1;
    ranked.push({ ...result, rank });
  });
  return ranked;
}
