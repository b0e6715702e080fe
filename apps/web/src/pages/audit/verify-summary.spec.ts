import { chainStatuses, projectOfChain } from './verify-summary';

describe('chain verification summary', () => {
  const records = { audit_events: 120, admin_audit_events: 7, security_events: 30 };

  it('calls every kind of chain intact when nothing is broken', () => {
    expect(chainStatuses({ records, brokenChains: [] })).toEqual([
      { table: 'audit_events', records: 120, broken: 0, intact: true },
      { table: 'admin_audit_events', records: 7, broken: 0, intact: true },
      { table: 'security_events', records: 30, broken: 0, intact: true },
    ]);
  });

  it('counts broken chains per table, each chain once', () => {
    const brokenChains = [
      { table: 'audit_events', chain: 'project:a' },
      { table: 'audit_events', chain: 'project:b' },
      { table: 'audit_events', chain: 'project:b' },
      { table: 'security_events', chain: 'security' },
    ];
    expect(chainStatuses({ records, brokenChains }).map((s) => [s.table, s.broken, s.intact])).toEqual([
      ['audit_events', 2, false],
      ['admin_audit_events', 0, true],
      ['security_events', 1, false],
    ]);
  });

  it('finds the project of a project chain only', () => {
    expect(projectOfChain('project:6f1c2a8e-0000-4000-8000-000000000001')).toBe('6f1c2a8e-0000-4000-8000-000000000001');
    expect(projectOfChain('admin')).toBeNull();
    expect(projectOfChain('(none: record 12)')).toBeNull();
  });
});
