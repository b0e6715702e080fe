import { rankResults, type RankableResult } from './leaderboard-ranking';

const r = (id: string, name: string, contractInvestmentYi: number, signedProjects: number, fundsInPlaceYi = 0): RankableResult => ({
  id,
  name,
  contractInvestmentYi,
  signedProjects,
  fundsInPlaceYi,
});

describe('campaign leaderboard ranking', () => {
  it('ranks by contract investment first', () => {
    const ranked = rankResults([r('a', '一队', 5, 3), r('b', '二队', 12, 1), r('c', '三队', 8, 2)]);
    expect(ranked.map((x) => [x.id, x.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('breaks a tie on investment by signed count, then by funds in place', () => {
    const ranked = rankResults([r('a', '一队', 10, 1, 9), r('b', '二队', 10, 2, 0), r('c', '三队', 10, 1, 3)]);
    expect(ranked.map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(ranked.map((x) => x.rank)).toEqual([1, 2, 3]);
  });

  it('gives a full tie the same rank, lists it by name, and skips the next rank', () => {
    // Pinyin order: 三 (san) before 一 (yi), although 一 comes first in code points.
    const ranked = rankResults([r('y', '招商一组', 0, 0), r('z', '招商三组', 0, 0), r('x', '先进制造组', 2, 1)]);
    expect(ranked.map((x) => [x.name, x.rank])).toEqual([
      ['先进制造组', 1],
      ['招商三组', 2],
      ['招商一组', 2],
    ]);
    const four = rankResults([r('a', 'A', 3, 1), r('b', 'B', 1, 1), r('c', 'C', 1, 1), r('d', 'D', 0, 0)]);
    expect(four.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
  });

  it('compares amounts at the stored precision (1 万元)', () => {
    const ranked = rankResults([r('a', '甲', 0.1 + 0.2, 1), r('b', '乙', 0.3, 1)]);
    expect(ranked.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('lists members with no result (empty roster gives an empty board)', () => {
    expect(rankResults([])).toEqual([]);
    expect(rankResults([r('a', '甲', 0, 0)])).toEqual([{ ...r('a', '甲', 0, 0), rank: 1 }]);
  });

  it('does not reorder its input', () => {
    const input = [r('a', '甲', 1, 1), r('b', '乙', 2, 1)];
    rankResults(input);
    expect(input.map((x) => x.id)).toEqual(['a', 'b']);
  });
});
