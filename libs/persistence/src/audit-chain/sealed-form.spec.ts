import { asStoredJson, canonicalJson, sealedForm } from './sealed-form';

describe('sealed form of a record', () => {
  const row = {
    id: 7,
    chain: 'admin',
    chain_pos: 3,
    at: new Date('2026-11-30T08:00:00.123Z'),
    actor_user_id: 'u1',
    actor_role: 'admin',
    action: 'calendar.override_set',
    subject: 'calendar:2027-02-06',
    reason: null,
    payload: { b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } },
  };

  it('is the same whether a number column is read as a number or the driver’s string, and whatever the key order', () => {
    const asRead = { ...row, id: '7', chain_pos: '3', payload: { a: { c: 'x', d: [2, { y: 2, z: 1 }] }, b: 1 } };
    expect(sealedForm('admin_audit_events', asRead)).toBe(sealedForm('admin_audit_events', row));
  });

  it('changes when any covered column changes', () => {
    const base = sealedForm('admin_audit_events', row);
    const edits: Record<string, unknown> = {
      id: 8,
      chain: 'admin2',
      chain_pos: 4,
      at: new Date('2026-11-30T08:00:00.124Z'),
      actor_user_id: 'u2',
      actor_role: 'auditor',
      action: 'x',
      subject: 'calendar:2027-02-07',
      reason: 'why',
      payload: { b: 2 },
    };
    for (const [column, value] of Object.entries(edits)) {
      expect({ column, same: sealedForm('admin_audit_events', { ...row, [column]: value }) === base }).toEqual({ column, same: false });
    }
  });

  it('writes JSON as jsonb gives it back: keys sorted, undefined members gone', () => {
    expect(canonicalJson({ b: undefined, a: 1, c: [{ y: 1, x: 2 }] })).toBe('{"a":1,"c":[{"x":2,"y":1}]}');
    expect(asStoredJson({ a: undefined, at: new Date('2026-01-01T00:00:00Z') })).toEqual({ at: '2026-01-01T00:00:00.000Z' });
  });
});
