import { FactsPool } from './facts-pool';

describe('FactsPool', () => {
  it('keeps each repeated string and plain object once, shares one empty array, and skips the per-project keys', () => {
    const pool = new FactsPool(new Set(['projectId']));
    const owner = () => ({ userId: 'u-1', departmentId: 'dep-a' });
    const a = pool.intern({ projectId: 'p-1', signedOn: '2026-03-01', owner: owner(), nodes: [{ dueOn: '2026-03-01' }, { dueOn: '2026-04-01' }], funds: [] as unknown[] });
    const b = pool.intern({ projectId: 'p-2', signedOn: '2026-03-01', owner: owner(), nodes: [{ dueOn: '2026-04-01' }], funds: [] as unknown[] });
    // The same owner, node and empty list: one object each.
    expect(b.owner).toBe(a.owner);
    expect(b.nodes[0]).toBe(a.nodes[1]);
    expect(b.funds).toBe(a.funds);
    expect(b.signedOn).toBe(a.signedOn);
    // Strings 2026-03-01, 2026-04-01, u-1, dep-a (not p-1 or p-2); objects: the owner and two nodes.
    expect(pool.size).toBe(4 + 3);
    expect(b).toEqual({ projectId: 'p-2', signedOn: '2026-03-01', owner: owner(), nodes: [{ dueOn: '2026-04-01' }], funds: [] });
  });

  it('freezes what it shares: a change to one project cannot reach another', () => {
    const pool = new FactsPool(new Set());
    const a = pool.intern({ owner: { userId: 'u-1' }, funds: [] as number[] });
    expect(() => {
      'use strict';
      (a.owner as { userId: string }).userId = 'u-2';
    }).toThrow(TypeError);
    expect(() => a.funds.push(1)).toThrow(TypeError);
    expect(pool.intern({ owner: { userId: 'u-1' } }).owner.userId).toBe('u-1');
  });

  it('shares an object made only of shared values, but never one holding a per-project key', () => {
    const pool = new FactsPool(new Set(['projectId']));
    const a = pool.intern({ projectId: 'p-1', fulfilment: { checks: [] as unknown[] }, funds: [] as unknown[] });
    const b = pool.intern({ projectId: 'p-2', fulfilment: { checks: [] as unknown[] }, funds: [] as unknown[] });
    expect(b.fulfilment).toBe(a.fulfilment);
    expect(Object.isFrozen(a)).toBe(false);
    expect(b).not.toBe(a);
    // The empty list and the fulfilment record: nothing for either project itself.
    expect(pool.size).toBe(1);
  });

  it('does not share objects that differ in any field', () => {
    const pool = new FactsPool(new Set());
    const x = pool.intern({ kind: 'a', completedOn: null });
    const y = pool.intern({ kind: 'a', completedOn: '2026-01-01' });
    expect(y).not.toBe(x);
    expect(y).toEqual({ kind: 'a', completedOn: '2026-01-01' });
  });
});
