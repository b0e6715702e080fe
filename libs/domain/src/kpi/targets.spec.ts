import { DomainError } from '../errors';
import { factsOf } from './kpi-fixtures';
import { doubleHalfStatus, parseAnnualTarget, targetProgress, type AnnualTarget } from './targets';

const owner = (departmentId: string) => ({ userId: `u-${departmentId}`, departmentId, teamId: 't1' });
const target = (over: Partial<AnnualTarget> = {}): AnnualTarget => ({
  year: 2026,
  scopeKind: 'department',
  scopeId: 'dep-a',
  contractInvestmentYi: 20,
  fundsInPlaceYi: 10,
  countGe1: 4,
  countGe5: 2,
  countGe10: 1,
  fortune500Count: 1,
  ...over,
});

const facts = [
  factsOf({ projectId: 'a', owner: owner('dep-a'), signedOn: '2026-03-01', contractInvestmentYi: 6, funds: [{ date: '2026-04-01', amountYi: 3 }] }),
  factsOf({ projectId: 'b', owner: owner('dep-a'), signedOn: '2026-06-30', contractInvestmentYi: 5, fortune500Lists: ['global'], funds: [{ date: '2026-06-30', amountYi: 2 }, { date: '2026-07-01', amountYi: 4 }] }),
  factsOf({ projectId: 'c', owner: owner('dep-b'), signedOn: '2026-02-01', contractInvestmentYi: 100, funds: [{ date: '2026-02-01', amountYi: 50 }] }),
  factsOf({ projectId: 'd', owner: owner('dep-a'), signedOn: '2025-12-31', contractInvestmentYi: 30 }),
];
const depA = facts.filter((f) => f.owner?.departmentId === 'dep-a');

describe('双过半', () => {
  it('29 June: not yet half (11 of 20 only from 30 June); on track or behind by the time elapsed', () => {
    const s = doubleHalfStatus(target(), depA, '2026-06-29');
    expect(s).toMatchObject({ status: 'behind', evaluatedTo: '2026-06-29', contractInvestment: { actual: 6, percent: 30 }, fundsInPlace: { actual: 3, percent: 30 } });
    expect(s.requiredPercentToDate).toBe(49.72); // 180 of the 181 days to 30 June × 50 %
    // 1 April: 30 % of each against 25.14 % of the half-year elapsed.
    expect(doubleHalfStatus(target(), depA, '2026-04-01')).toMatchObject({ status: 'on_track', requiredPercentToDate: 25.14 });
  });

  it('30 June: both over half → met (entries dated 30 June count)', () => {
    const s = doubleHalfStatus(target(), depA, '2026-06-30');
    expect(s).toMatchObject({ status: 'met', label: '已实现', contractInvestment: { actual: 11, percent: 55 }, fundsInPlace: { actual: 5, percent: 50 } });
  });

  it('1 July: judged on the figures to 30 June (funds of 1 July do not rescue a miss)', () => {
    expect(doubleHalfStatus(target(), depA, '2026-07-01').status).toBe('met');
    const missed = doubleHalfStatus(target({ fundsInPlaceYi: 12 }), depA, '2026-07-01');
    expect(missed).toMatchObject({ status: 'missed', evaluatedTo: '2026-06-30', fundsInPlace: { actual: 5 } });
  });

  it('already half before 30 June → achieved early; no target → no verdict', () => {
    expect(doubleHalfStatus(target({ contractInvestmentYi: 10, fundsInPlaceYi: 6 }), depA, '2026-05-01').status).toBe('achieved_early');
    expect(doubleHalfStatus(target({ fundsInPlaceYi: null }), depA, '2026-07-01').status).toBe('no_target');
  });
});

describe('targetProgress', () => {
  it('credits by owner department and counts the year to asOf', () => {
    const p = targetProgress(target(), facts, '2026-12-31');
    expect(Object.fromEntries(p.measures.map((m) => [m.measure, [m.actual, m.percent]]))).toEqual({
      contractInvestmentYi: [11, 55],
      fundsInPlaceYi: [9, 90],
      countGe1: [2, 50],
      countGe5: [2, 100],
      countGe10: [0, 0],
      fortune500Count: [1, 100],
    });
    const zone = targetProgress(target({ scopeKind: 'zone', scopeId: 'zone' }), facts, '2026-12-31');
    expect(zone.measures[0].actual).toBe(111);
  });

  it('before the year starts everything is 0', () => {
    expect(targetProgress(target(), facts, '2025-12-31').measures.every((m) => m.actual === 0)).toBe(true);
  });
});

describe('parseAnnualTarget', () => {
  const field = (input: unknown) => {
    try {
      parseAnnualTarget(input);
    } catch (err) {
      return (err as DomainError).field;
    }
    return null;
  };
  it('names the field at fault', () => {
    expect(field({ year: 1999, scopeKind: 'department', scopeId: 'x', fundsInPlaceYi: 1 })).toBe('year');
    expect(field({ year: 2026, scopeKind: 'bureau', scopeId: 'x', fundsInPlaceYi: 1 })).toBe('scopeKind');
    expect(field({ year: 2026, scopeKind: 'team', scopeId: ' ', fundsInPlaceYi: 1 })).toBe('scopeId');
    expect(field({ year: 2026, scopeKind: 'team', scopeId: 't', fundsInPlaceYi: -1 })).toBe('fundsInPlaceYi');
    expect(field({ year: 2026, scopeKind: 'team', scopeId: 't', countGe5: 1.5 })).toBe('countGe5');
    expect(field({ year: 2026, scopeKind: 'team', scopeId: 't' })).toBe('contractInvestmentYi');
    expect(parseAnnualTarget({ year: 2026, scopeKind: 'zone', contractInvestmentYi: 400 })).toMatchObject({ scopeId: 'zone', contractInvestmentYi: 400, fundsInPlaceYi: null });
  });
});
