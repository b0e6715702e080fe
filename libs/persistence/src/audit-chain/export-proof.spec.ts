import { firstBrokenProof, recordProof, type RecordProof } from './export-proof';
import { SEALED_COLUMNS } from './sealed-form';
import { GENESIS_HASH } from './sm3';
import { sealedHash } from './verify-record';

/**
 * The proofs a project's history export carries re-verify with the verifier's own SM3 chain
 * function, after the trip through JSON an outsider's copy makes; any change to a record or a
 * link shows as the first broken proof.
 */
describe('history export proofs', () => {
  const projectId = '6f1c2a8e-0000-4000-8000-000000000001';
  const chain = `project:${projectId}`;

  /** Rows as the driver reads them back (bigints as strings, timestamps as Dates, payload as jsonb), chained by the verifier's function. */
  function chainedRows(n: number): Array<Record<string, unknown> & { prev_hash: Buffer; hash: Buffer }> {
    const rows: Array<Record<string, unknown> & { prev_hash: Buffer; hash: Buffer }> = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= n; i++) {
      const row: Record<string, unknown> = {
        id: String(100 + i),
        chain,
        chain_pos: String(i),
        project_id: projectId,
        workflow_id: `project-${projectId}`,
        run_id: 'run-1',
        seq: i,
        occurred_at: new Date(Date.UTC(2026, 2, 1, 8, i, 0, 123)),
        actor_id: i === 1 ? '11111111-1111-4111-8111-111111111111' : 'system',
        actor_role: i === 1 ? 'investment_officer' : 'system',
        action: i === 1 ? 'lead.registered' : 'negotiation.follow_up_missed',
        payload: { companyName: '株洲智造动力科技有限公司', nested: { b: 2, a: [1, { z: 1, y: 'é' }] } },
        stage_before: i === 1 ? null : 'negotiation',
        stage_after: i === 1 ? 'intake' : 'negotiation',
        update_id: i === 1 ? 'u-1' : null,
        recorded_at: new Date(Date.UTC(2026, 2, 1, 8, i, 1, 456)),
      };
      const hash = sealedHash('audit_events', prev, row);
      rows.push({ ...row, prev_hash: prev, hash });
      prev = hash;
    }
    return rows;
  }

  const exported = (rows: ReturnType<typeof chainedRows>): RecordProof[] =>
    JSON.parse(JSON.stringify(rows.map((r, i) => recordProof('audit_events', r, 40 + i)))) as RecordProof[];

  it('carries the hash the verifier computes, and re-verifies after a JSON round trip', () => {
    const rows = chainedRows(5);
    const proofs = exported(rows);
    expect(proofs.map((p) => p.hash)).toEqual(rows.map((r) => sealedHash('audit_events', r.prev_hash, r).toString('hex')));
    expect(proofs[0].prevHash).toBe('0'.repeat(64));
    expect(proofs.map((p) => [p.chainPos, p.ledgerPos])).toEqual([[1, 40], [2, 41], [3, 42], [4, 43], [5, 44]]);
    expect(firstBrokenProof(proofs)).toBeNull();
    // The sealed text names every covered column, in the verifier's order.
    expect((JSON.parse(proofs[0].sealedForm) as [string, Array<[string, unknown]>])[1].map(([c]) => c)).toEqual(SEALED_COLUMNS.audit_events);
  });

  it('names the first broken link when a record, a link or a position is changed', () => {
    const rows = chainedRows(4);
    const altered = exported(rows);
    altered[2].sealedForm = altered[2].sealedForm.replace('negotiation.follow_up_missed', 'negotiation.lost');
    expect(firstBrokenProof(altered)).toEqual({ chainPos: 3, problem: 'content_altered' });

    const relinked = exported(rows);
    relinked[1].prevHash = relinked[0].prevHash;
    expect(firstBrokenProof(relinked)).toEqual({ chainPos: 2, problem: 'prev_hash_differs' });

    const dropped = exported(rows);
    dropped.splice(1, 1);
    expect(firstBrokenProof(dropped)).toEqual({ chainPos: 3, problem: 'position_missing' });
  });
});
