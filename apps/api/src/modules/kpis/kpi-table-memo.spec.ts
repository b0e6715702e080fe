import type { KpiRow } from '@zs/domain';
import { KpiTableMemo } from './kpi-table-memo';

const table = (label: string) => [{ group: label } as unknown as KpiRow];

describe('KpiTableMemo', () => {
  it('computes a table once per key, and again under a new key (a new generation of the facts)', () => {
    const memo = new KpiTableMemo();
    const compute = jest.fn(() => table('a'));
    const first = memo.rows('default/1|dept', compute);
    expect(memo.rows('default/1|dept', compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
    memo.rows('default/2|dept', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps the 64 most recently used tables', () => {
    const memo = new KpiTableMemo();
    for (let i = 0; i < 64; i++) memo.rows(`k${i}`, () => table(`t${i}`));
    memo.rows('k0', () => table('again')); // k0 used again: k1 is now the oldest
    memo.rows('k64', () => table('t64'));
    const recompute = jest.fn(() => table('x'));
    memo.rows('k0', recompute);
    expect(recompute).not.toHaveBeenCalled();
    memo.rows('k1', recompute);
    expect(recompute).toHaveBeenCalledTimes(1);
  });
});
