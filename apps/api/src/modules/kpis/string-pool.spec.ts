import { StringPool } from './string-pool';

describe('StringPool', () => {
  it('pools each repeated string once, in nested objects and arrays, and skips the per-project keys', () => {
    const pool = new StringPool(new Set(['projectId']));
    const owner = () => ({ userId: 'u-1', departmentId: 'dep-a' });
    const a = { projectId: 'p-1', signedOn: '2026-03-01', owner: owner(), nodes: [{ dueOn: '2026-03-01' }, { dueOn: '2026-04-01' }] };
    const b = { projectId: 'p-2', signedOn: '2026-03-01', owner: owner(), nodes: [{ dueOn: '2026-04-01' }] };
    expect(pool.intern(a)).toBe(a);
    pool.intern(b);
    // 2026-03-01, 2026-04-01, u-1, dep-a: not p-1 or p-2.
    expect(pool.size).toBe(4);
    expect(b).toEqual({ projectId: 'p-2', signedOn: '2026-03-01', owner: owner(), nodes: [{ dueOn: '2026-04-01' }] });
  });
});
