import type { AuditEntry } from '../project/project-state';
import {
  canonicalJson,
  DISCREPANCY_KIND_LABELS,
  DISCREPANCY_KINDS,
  differingAuditFields,
  reconcileWorkflow,
  type DiscrepancyKind,
  type HistoryAuditEvent,
  type RecordedAuditEvent,
  type WorkflowRecords,
} from './reconcile';

const T0 = Date.parse('2026-07-01T02:00:00Z');
const MIN = 60_000;
const WF = 'project-p1';
const RUN = 'run-1';

const officer = { userId: 'officer-1', role: 'investment_officer' } as const;
const taskForce = { userId: 'tf-1', role: 'intake_task_force' } as const;
const system = { userId: 'system', role: 'system' } as const;

/** A clean project stream: registered, accepted (negotiation), a contact, an escalation. */
const EVENTS: AuditEntry[] = [
  { seq: 1, at: T0, actor: officer, action: 'lead.registered', payload: { companyName: '株洲示例', grade: 'A' }, stageBefore: null, stageAfter: 'intake' },
  { seq: 2, at: T0 + MIN, actor: taskForce, action: 'intake.accepted', payload: {}, stageBefore: 'intake', stageAfter: 'negotiation', updateId: 'u-2' },
  { seq: 3, at: T0 + 2 * MIN, actor: officer, action: 'negotiation.contact_recorded', payload: { kind: 'visit', date: '2026-07-01' }, stageBefore: 'negotiation', stageAfter: 'negotiation', updateId: 'u-3' },
  { seq: 4, at: T0 + 3 * MIN, actor: system, action: 'sla.escalated', payload: { clock: 'intake_decision', threshold: 'escalation_1', level: 1, notify: 'economic_cooperation_bureau_head' }, stageBefore: 'negotiation', stageAfter: 'negotiation' },
];
const STATE = { projectId: 'p1', seq: 4, stage: 'negotiation', lead: { companyName: '株洲示例' }, overdue: false };

const recorded = (events: AuditEntry[] = EVENTS): RecordedAuditEvent[] => events.map((e, i) => ({ ...e, projectId: 'p1', rowId: 100 + i }));
const history = (events: AuditEntry[] = EVENTS): HistoryAuditEvent[] => events.map((entry) => ({ entry, runId: RUN }));

function records(patch: Partial<WorkflowRecords> = {}): WorkflowRecords {
  return {
    stream: 'project',
    workflowId: WF,
    projectId: 'p1',
    history: history(),
    firstVerifiableSeq: 1,
    recorded: recorded(),
    readModel: { lastSeq: 4, state: STATE },
    historyState: { seq: 4, state: STATE },
    ...patch,
  };
}

const kinds = (r: WorkflowRecords): Array<[DiscrepancyKind, number | null]> => reconcileWorkflow(r).discrepancies.map((d) => [d.kind, d.seq]);

describe('reconcileWorkflow', () => {
  it('finds nothing when both records agree, whatever the key order of payloads and states', () => {
    const reordered = recorded().map((e) => ({ ...e, payload: Object.fromEntries(Object.entries(e.payload).reverse()) }));
    const state = Object.fromEntries(Object.entries(STATE).reverse());
    const result = reconcileWorkflow(records({ recorded: reordered, readModel: { lastSeq: 4, state } }));
    expect(result).toEqual({ workflowId: WF, stream: 'project', checkedEvents: 4, verifiableFromSeq: 1, unverifiableEvents: 0, pendingEvents: 0, discrepancies: [] });
  });

  it('accepts an identical batch seen twice in the history', () => {
    expect(kinds(records({ history: [...history(), ...history(EVENTS.slice(2))] }))).toEqual([]);
  });

  it('labels every kind in Chinese', () => {
    for (const k of DISCREPANCY_KINDS) expect(DISCREPANCY_KIND_LABELS[k]).toMatch(/[\u4e00-\u9fff]/);
  });

  describe('missing', () => {
    it('reports a history event the database lacks, with the history version', () => {
      const result = reconcileWorkflow(records({ recorded: recorded().filter((e) => e.seq !== 3) }));
      expect(result.discrepancies).toEqual([
        expect.objectContaining({ kind: 'missing', workflowId: WF, seq: 3, inHistory: EVENTS[2], inDatabase: null, message: expect.stringContaining('3'), messageZh: expect.stringContaining('审计日志') }),
      ]);
    });

    it('does not report an event of a batch still in flight, but counts it as pending', () => {
      const pending = history().map((h) => (h.entry.seq === 4 ? { ...h, pending: true } : h));
      const result = reconcileWorkflow(
        records({ history: pending, recorded: recorded().slice(0, 3), readModel: { lastSeq: 3, state: { ...STATE, seq: 3 } }, historyState: { seq: 3, state: { ...STATE, seq: 3 } }, pendingStates: [{ seq: 4, state: STATE }] }),
      );
      expect(result.discrepancies).toEqual([]);
      expect(result.pendingEvents).toBe(1);
    });

    it('accepts a read model already at the state of a batch in flight', () => {
      const pending = history().map((h) => (h.entry.seq === 4 ? { ...h, pending: true } : h));
      expect(kinds(records({ history: pending, historyState: { seq: 3, state: { ...STATE, seq: 3 } }, pendingStates: [{ seq: 4, state: STATE }] }))).toEqual([]);
    });
  });

  describe('phantom', () => {
    it('reports a row within the verifiable range that the history never produced', () => {
      const extra: RecordedAuditEvent = { ...EVENTS[2], seq: 5, at: T0 + 4 * MIN, updateId: 'u-forged', projectId: 'p1', rowId: 200 };
      const result = reconcileWorkflow(records({ recorded: [...recorded(), extra] }));
      expect(result.discrepancies).toEqual([expect.objectContaining({ kind: 'phantom', seq: 5, inHistory: null, inDatabase: extra })]);
    });

    it('checks only continuity before the first verifiable seq (events written before issue 8)', () => {
      const result = reconcileWorkflow(records({ history: history(EVENTS.slice(2)), firstVerifiableSeq: 3 }));
      expect(result.discrepancies).toEqual([]);
      expect(result).toMatchObject({ verifiableFromSeq: 3, unverifiableEvents: 2, checkedEvents: 4 });
    });

    it('with no history at all, compares nothing but continuity and the read model against the log', () => {
      const result = reconcileWorkflow(records({ history: [], firstVerifiableSeq: null, historyState: null }));
      expect(result.discrepancies).toEqual([]);
      expect(result.unverifiableEvents).toBe(4);
    });
  });

  describe('altered', () => {
    it.each([
      ['payload', { payload: { kind: 'meeting', date: '2026-07-01' } }],
      ['actor.userId', { actor: { userId: 'someone-else', role: 'investment_officer' } }],
      ['actor.role', { actor: { userId: 'officer-1', role: 'economic_cooperation_bureau_head' } }],
      ['at', { at: T0 + 2 * MIN + 1 }],
      ['action', { action: 'negotiation.outcome_recorded' }],
      ['stageAfter', { stageAfter: 'signing' }],
      ['updateId', { updateId: 'u-other' }],
    ])('reports a different %s at the same seq with both versions', (field, patch) => {
      const changed = recorded().map((e) => (e.seq === 3 ? ({ ...e, ...patch } as RecordedAuditEvent) : e));
      const result = reconcileWorkflow(records({ recorded: changed }));
      const altered = result.discrepancies.filter((d) => d.kind === 'altered');
      expect(altered).toEqual([expect.objectContaining({ seq: 3, inHistory: EVENTS[2], inDatabase: changed[2], message: expect.stringContaining(field) })]);
    });

    it('reports a row filed under another project', () => {
      const changed = recorded().map((e) => (e.seq === 2 ? { ...e, projectId: 'p2' } : e));
      expect(kinds(records({ recorded: changed }))).toEqual([['altered', 2]]);
    });

    it('reports two different versions of one seq in the history itself', () => {
      expect(kinds(records({ history: [...history(), { entry: { ...EVENTS[3], payload: { level: 2 } }, runId: RUN }] }))).toEqual([['altered', 4]]);
    });

    it('names exactly the fields that differ', () => {
      expect(differingAuditFields(EVENTS[2], { ...EVENTS[2], payload: { date: '2026-07-01', kind: 'visit' } })).toEqual([]);
      expect(differingAuditFields(EVENTS[2], { ...EVENTS[2], stageBefore: 'intake', updateId: undefined })).toEqual(['stageBefore', 'updateId']);
    });
  });

  describe('duplicate', () => {
    it('reports the same seq recorded twice', () => {
      const twice = [...recorded(), { ...recorded()[1], rowId: 300 }];
      expect(kinds(records({ recorded: twice }))).toEqual([['duplicate', 2]]);
    });

    it('reports one step (update id) recorded as two events', () => {
      const events = [...EVENTS, { ...EVENTS[2], seq: 5, at: T0 + 4 * MIN, payload: { kind: 'call' } }];
      const state = { ...STATE, seq: 5 };
      const result = reconcileWorkflow(records({ history: history(events), recorded: recorded(events), readModel: { lastSeq: 5, state }, historyState: { seq: 5, state } }));
      expect(result.discrepancies).toEqual([expect.objectContaining({ kind: 'duplicate', seq: 5, message: expect.stringContaining('u-3') })]);
    });

    it('reports the same logical escalation twice (node kind, level, due date)', () => {
      const overdue = (seq: number, at: number): AuditEntry => ({
        seq,
        at,
        actor: system,
        action: 'construction.milestone_overdue',
        payload: { kind: 'land_handover', level: 2, dueOn: '2026-07-10' },
        stageBefore: 'negotiation',
        stageAfter: 'negotiation',
      });
      const events = [...EVENTS, overdue(5, T0 + 5 * MIN), overdue(6, T0 + 6 * MIN)];
      const state = { ...STATE, seq: 6 };
      const result = reconcileWorkflow(records({ history: history(events), recorded: recorded(events), readModel: { lastSeq: 6, state }, historyState: { seq: 6, state } }));
      expect(result.discrepancies.map((d) => [d.kind, d.seq])).toEqual([['duplicate', 6]]);
      expect(result.discrepancies[0].messageZh).toContain('升级');
    });

    it('does not count an escalation repeated after its clock started again (a transferred request)', () => {
      const esc = (seq: number): AuditEntry => ({ seq, at: T0 + seq * MIN, actor: system, action: 'sla.escalated', payload: { clock: 'service_accept', threshold: 'escalation_1', level: 1 }, stageBefore: 'service', stageAfter: 'service' });
      const events: AuditEntry[] = [
        { seq: 1, at: T0 + MIN, actor: officer, action: 'service.request_raised', payload: {}, stageBefore: 'service', stageAfter: 'service' },
        esc(2),
        { seq: 3, at: T0 + 3 * MIN, actor: officer, action: 'service.request_transferred', payload: { to: '自然资源局' }, stageBefore: 'service', stageAfter: 'service' },
        esc(4),
      ];
      const state = { requestId: 'r1', seq: 4 };
      const base = { stream: 'service_request' as const, history: history(events), recorded: recorded(events), readModel: { lastSeq: 4, state }, historyState: { seq: 4, state } };
      expect(kinds(records(base))).toEqual([]);
      const without = events.filter((e) => e.seq !== 3).map((e, i) => ({ ...e, seq: i + 1 }));
      const state3 = { requestId: 'r1', seq: 3 };
      expect(kinds(records({ ...base, history: history(without), recorded: recorded(without), readModel: { lastSeq: 3, state: state3 }, historyState: { seq: 3, state: state3 } }))).toEqual([['duplicate', 3]]);
    });
  });

  describe('out_of_order', () => {
    it('reports a gap in 1..n that the history cannot explain (before the verifiable range)', () => {
      const result = reconcileWorkflow(records({ history: history(EVENTS.slice(3)), firstVerifiableSeq: 4, recorded: recorded().filter((e) => e.seq !== 2) }));
      // Seqs 1 and 3 are not consecutive: no stage-chain check across the gap.
      expect(result.discrepancies).toEqual([expect.objectContaining({ kind: 'out_of_order', seq: 2, inDatabase: { missingSeqs: [2], lastSeq: 4 } })]);
    });

    it('reports rows recorded in another order than their seqs', () => {
      const swapped = recorded().map((e) => (e.seq === 2 ? { ...e, rowId: 103 } : e.seq === 3 ? { ...e, rowId: 102 } : e));
      expect(kinds(records({ recorded: swapped }))).toEqual([['out_of_order', 3]]);
    });

    it('reports occurred_at running backwards with seq', () => {
      const back = EVENTS.map((e) => (e.seq === 3 ? { ...e, at: T0 + 30_000 } : e));
      expect(kinds(records({ history: history(back), recorded: recorded(back) }))).toEqual([['out_of_order', 3]]);
    });

    it('reports a broken stage chain in a project stream (stageAfter of n ≠ stageBefore of n+1)', () => {
      const broken = EVENTS.map((e) => (e.seq === 3 ? { ...e, stageBefore: 'signing' as const } : e));
      expect(kinds(records({ history: history(broken), recorded: recorded(broken) }))).toEqual([['out_of_order', 3]]);
      expect(kinds(records({ stream: 'service_request', history: history(broken), recorded: recorded(broken) }))).toEqual([]);
    });

    it('finds a swapped pair of seqs from every angle: altered content, row order, time and stage chain', () => {
      const swapped = recorded().map((e) => (e.seq === 2 ? { ...e, seq: 3 } : e.seq === 3 ? { ...e, seq: 2 } : e));
      const found = kinds(records({ recorded: swapped }));
      expect(found).toEqual(expect.arrayContaining([['altered', 2], ['altered', 3], ['out_of_order', 3]]));
      expect(new Set(found.map(([k]) => k))).toEqual(new Set(['altered', 'out_of_order']));
    });
  });

  describe('state_mismatch', () => {
    it('reports a read model whose last_seq is not the last event', () => {
      const result = reconcileWorkflow(records({ readModel: { lastSeq: 3, state: STATE } }));
      expect(result.discrepancies).toEqual([expect.objectContaining({ kind: 'state_mismatch', seq: 3, inHistory: { lastSeq: 4 }, inDatabase: { lastSeq: 3 } })]);
    });

    it("reports a read model whose state is not the history's latest state, naming the keys", () => {
      const tampered = { ...STATE, stage: 'signing' };
      const result = reconcileWorkflow(records({ readModel: { lastSeq: 4, state: tampered } }));
      expect(result.discrepancies).toEqual([expect.objectContaining({ kind: 'state_mismatch', seq: 4, inHistory: STATE, inDatabase: tampered, message: expect.stringContaining('stage') })]);
    });

    it('reports a missing read-model row', () => {
      expect(kinds(records({ readModel: null }))).toEqual([['state_mismatch', null]]);
    });

    it('compares with the live state when the history holds no batch', () => {
      const live = { seq: 4, state: STATE };
      expect(kinds(records({ history: [], firstVerifiableSeq: null, historyState: null, liveState: live }))).toEqual([]);
      expect(kinds(records({ history: [], firstVerifiableSeq: null, historyState: null, liveState: live, readModel: { lastSeq: 4, state: { ...STATE, overdue: true } } }))).toEqual([['state_mismatch', 4]]);
    });

    it('without any reference state, holds the read model to the end of the log and its own seq', () => {
      const none = { history: [], firstVerifiableSeq: null, historyState: null };
      expect(kinds(records({ ...none, readModel: { lastSeq: 7, state: STATE } }))).toEqual([['state_mismatch', 7]]);
      expect(kinds(records({ ...none, readModel: { lastSeq: 4, state: { ...STATE, seq: 2 } } }))).toEqual([['state_mismatch', 4]]);
    });
  });

  it('serialises canonically, ignoring key order and undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2}]},"b":1}');
  });
});
