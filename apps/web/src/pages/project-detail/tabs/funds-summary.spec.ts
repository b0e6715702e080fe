import { fundsSummary, type FundsEntryView } from './funds-summary';

const actor = { userId: 'u-officer', role: 'investment_officer' as const, displayName: '李明' };
const labels = { equity: '股权投资', loan: '银行贷款', self_raised: '企业自筹', government_fund: '政府引导基金', other: '其他' } as const;

function entry(entryId: string, date: string, amountYi: number, source: FundsEntryView['source']): FundsEntryView {
  return { entryId, date, amountYi, source, sourceLabel: labels[source], evidence: `凭证 ${entryId}`, recordedBy: actor, recordedAt: `${date}T08:00:00.000Z` };
}

describe('fundsSummary', () => {
  it('orders the ledger by arrival with a running total, and sums without floating-point drift', () => {
    const s = fundsSummary([entry('b', '2026-03-05', 0.2, 'loan'), entry('a', '2026-02-10', 0.1, 'self_raised'), entry('c', '2026-03-05', 1.2345, 'self_raised')], 6.8);
    expect(s.rows.map((r) => [r.entryId, r.cumulativeYi])).toEqual([
      ['a', 0.1],
      ['b', 0.3],
      ['c', 1.5345],
    ]);
    expect(s.totalYi).toBe(1.5345);
    expect(s.outstandingYi).toBe(5.2655);
    expect(s.ratio).toBeCloseTo(1.5345 / 6.8, 10);
    expect(s.bySource).toEqual([
      { source: 'self_raised', label: '企业自筹', amountYi: 1.3345, share: 13345 / 15345 },
      { source: 'loan', label: '银行贷款', amountYi: 0.2, share: 2000 / 15345 },
    ]);
  });

  it('never shows a negative remainder when more arrived than was committed', () => {
    const s = fundsSummary([entry('a', '2026-02-10', 8, 'equity')], 6.8);
    expect([s.totalYi, s.outstandingYi]).toEqual([8, 0]);
    expect(s.ratio).toBeCloseTo(8 / 6.8, 10);
  });

  it('has no ratio without a contract (or with nothing committed), and zeros for an empty ledger', () => {
    expect(fundsSummary([entry('a', '2026-02-10', 1, 'other')], null)).toMatchObject({ totalYi: 1, committedYi: null, ratio: null, outstandingYi: null });
    expect(fundsSummary([], 0)).toMatchObject({ totalYi: 0, ratio: null, outstandingYi: 0, bySource: [], rows: [] });
  });
});
