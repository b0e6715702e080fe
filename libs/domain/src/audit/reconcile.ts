import type { AuditEntry } from '../project/project-state';

/**
 * Reconciliation (issue 8, "the trusted record"): two independent records of one workflow,
 * compared. The first is what the workflow committed, as its Temporal event history keeps it
 * (the input of each `projectWorkflowEvents` activity: its audit events and the state after
 * them); the second is what PostgreSQL holds (the audit log and the read model). Pure: the
 * callers read both records and hand them over.
 */
export const DISCREPANCY_KINDS = ['missing', 'phantom', 'altered', 'duplicate', 'out_of_order', 'state_mismatch'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export const DISCREPANCY_KIND_LABELS: Record<DiscrepancyKind, string> = {
  missing: '缺失（工作流历史中有，数据库中无）',
  phantom: '虚增（数据库中有，工作流历史中无）',
  altered: '内容被改动',
  duplicate: '重复记录',
  out_of_order: '顺序错乱或序号断档',
  state_mismatch: '读模型与工作流状态不一致',
};

export type ReconciledStream = 'project' | 'service_request';

/** One audit event as a workflow's history holds it: part of a projection batch's input. */
export interface HistoryAuditEvent {
  entry: AuditEntry;
  runId: string;
  /**
   * The batch was scheduled but its activity has not completed, in a run still open: the
   * database may not hold it yet (not missing), but if it does, it must be equal.
   */
  pending?: boolean;
}

/** An audit row as PostgreSQL holds it. */
export interface RecordedAuditEvent extends AuditEntry {
  projectId: string;
  /** The row's id: the order in which rows were recorded. */
  rowId: number;
}

/** A workflow state and the sequence number of the event that produced it. */
export interface StateAt {
  seq: number;
  state: unknown;
}

/** Both records of one workflow (a project's or a service request's). */
export interface WorkflowRecords {
  stream: ReconciledStream;
  workflowId: string;
  projectId: string;
  /** The events of the projection batches in history order (all runs, oldest first); a re-sent identical event may appear twice. */
  history: HistoryAuditEvent[];
  /**
   * The first sequence number the history can vouch for (the first event of the first batch
   * still in history), or null when there is none: events before it were written before issue 8
   * (local activities, whose inputs are not in the history) or belong to runs Temporal no longer
   * keeps. Only their continuity can be checked.
   */
  firstVerifiableSeq: number | null;
  /** The audit rows of this workflow, in any order. */
  recorded: RecordedAuditEvent[];
  /** The read-model row (projects / service_requests), or null when there is none. */
  readModel: { lastSeq: number; state: unknown } | null;
  /** The state after the last completed batch in history, or null when the history has none. */
  historyState: StateAt | null;
  /** The states after batches not yet completed (see `pending`): the read model may already be at one of them. */
  pendingStates?: StateAt[];
  /** The workflow's live state (its query), if asked: the reference when the history holds no batch. */
  liveState?: StateAt | null;
}

export interface Discrepancy {
  kind: DiscrepancyKind;
  workflowId: string;
  seq: number | null;
  message: string;
  messageZh: string;
  /** The version the workflow's history holds, when relevant. */
  inHistory: unknown;
  /** The version the database holds, when relevant. */
  inDatabase: unknown;
}

export interface WorkflowReconciliation {
  workflowId: string;
  stream: ReconciledStream;
  /** Distinct sequence numbers looked at (in the history, the database or both). */
  checkedEvents: number;
  verifiableFromSeq: number | null;
  /** Rows before `verifiableFromSeq` (only their continuity was checked). */
  unverifiableEvents: number;
  /** History events whose projection has not completed yet and that the database does not hold yet. */
  pendingEvents: number;
  discrepancies: Discrepancy[];
}

/**
 * Actions after which a clock starts again, so its escalations may legitimately repeat
 * (a transferred request's acceptance clock, a reopened request's resolution clock).
 */
const CLOCK_RESTART_ACTIONS: ReadonlySet<string> = new Set(['service.request_transferred', 'service.request_reopened']);

/** An escalation: any action naming one, and a milestone's overdue level (the ladder responsible → bureau → leadership). */
export function isEscalationAction(action: string): boolean {
  return action.includes('escalat') || action === 'construction.milestone_overdue';
}

/** JSON with object keys sorted: key order never matters (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(obj[k])]),
    );
  }
  return value;
}

export function deepEqualIgnoringKeyOrder(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The compared fields of an audit event that differ between two versions (empty when they are the same event). */
export function differingAuditFields(a: AuditEntry, b: AuditEntry): string[] {
  const fields: string[] = [];
  if (a.seq !== b.seq) fields.push('seq');
  if (a.at !== b.at) fields.push('at');
  if (a.actor?.userId !== b.actor?.userId) fields.push('actor.userId');
  if (a.actor?.role !== b.actor?.role) fields.push('actor.role');
  if (a.action !== b.action) fields.push('action');
  if (!deepEqualIgnoringKeyOrder(a.payload, b.payload)) fields.push('payload');
  if ((a.stageBefore ?? null) !== (b.stageBefore ?? null)) fields.push('stageBefore');
  if (a.stageAfter !== b.stageAfter) fields.push('stageAfter');
  if ((a.updateId ?? null) !== (b.updateId ?? null)) fields.push('updateId');
  return fields;
}

/** The top-level keys whose values differ between two states (or `(whole state)` when either is not an object). */
function differingStateKeys(a: unknown, b: unknown): string[] {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) return ['(whole state)'];
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return keys.filter((k) => !deepEqualIgnoringKeyOrder(x[k], y[k]));
}

const ranges = (seqs: number[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < seqs.length; ) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === seqs[j] + 1) j++;
    out.push(i === j ? `${seqs[i]}` : `${seqs[i]}–${seqs[j]}`);
    i = j + 1;
  }
  return out;
};

/** Compares one workflow's two records and lists every discrepancy. */
export function reconcileWorkflow(input: WorkflowRecords): WorkflowReconciliation {
  const { workflowId, stream, projectId } = input;
  const found: Discrepancy[] = [];
  const report = (kind: DiscrepancyKind, seq: number | null, message: string, messageZh: string, inHistory: unknown = null, inDatabase: unknown = null) =>
    found.push({ kind, workflowId, seq, message, messageZh, inHistory, inDatabase });

  // The history: one event per sequence number. An identical repeat is a re-sent batch; another version is reported.
  const history = new Map<number, HistoryAuditEvent>();
  for (const h of input.history) {
    const seen = history.get(h.entry.seq);
    if (!seen) {
      history.set(h.entry.seq, { ...h, pending: !!h.pending });
      continue;
    }
    const fields = differingAuditFields(seen.entry, h.entry);
    if (fields.length === 0) {
      seen.pending = !!seen.pending && !!h.pending;
    } else {
      report(
        'altered',
        h.entry.seq,
        `the workflow history holds two different events with seq ${h.entry.seq} (${fields.join(', ')} differ)`,
        `工作流历史中序号 ${h.entry.seq} 有两个不同的事件（${fields.join('、')} 不同）`,
        [seen.entry, h.entry],
        null,
      );
    }
  }
  const historySeqs = [...history.keys()].sort((a, b) => a - b);
  const verifiableFrom = input.firstVerifiableSeq ?? (historySeqs.length ? historySeqs[0] : null);
  const verifiable = (seq: number) => verifiableFrom !== null && seq >= verifiableFrom;

  // The database: rows by sequence number, each group in recorded order.
  const rows = [...input.recorded].sort((a, b) => a.seq - b.seq || a.rowId - b.rowId);
  const bySeq = new Map<number, RecordedAuditEvent[]>();
  for (const r of rows) {
    const group = bySeq.get(r.seq);
    if (group) group.push(r);
    else bySeq.set(r.seq, [r]);
  }
  const recordedSeqs = [...bySeq.keys()].sort((a, b) => a - b);
  /** The first row of each sequence number, in sequence order: the log as a reader sees it. */
  const log = recordedSeqs.map((s) => (bySeq.get(s) as RecordedAuditEvent[])[0]);

  // missing and altered: every event of the history must be in the database, equal.
  let pendingEvents = 0;
  for (const seq of historySeqs) {
    const h = history.get(seq) as HistoryAuditEvent;
    const stored = bySeq.get(seq);
    if (!stored) {
      if (h.pending) pendingEvents++;
      else
        report(
          'missing',
          seq,
          `event ${seq} (${h.entry.action}) is in the workflow history but not in the audit log`,
          `事件 ${seq}（${h.entry.action}）在工作流历史中，审计日志中没有`,
          h.entry,
          null,
        );
      continue;
    }
    for (const r of stored) {
      const fields = differingAuditFields(h.entry, r);
      if (fields.length) {
        report(
          'altered',
          seq,
          `event ${seq} differs from the workflow history: ${fields.join(', ')}`,
          `事件 ${seq} 与工作流历史不符：${fields.join('、')}`,
          h.entry,
          r,
        );
      }
    }
  }

  // phantom: a row the history can vouch against; and rows filed under another project.
  let unverifiableEvents = 0;
  for (const r of rows) {
    if (!verifiable(r.seq)) unverifiableEvents++;
    else if (!history.has(r.seq)) {
      report(
        'phantom',
        r.seq,
        `event ${r.seq} (${r.action}) is in the audit log but the workflow history never produced it`,
        `事件 ${r.seq}（${r.action}）在审计日志中，工作流历史中从未产生`,
        null,
        r,
      );
    }
    if (r.projectId !== projectId) {
      report(
        'altered',
        r.seq,
        `event ${r.seq} is recorded under project ${r.projectId}, not ${projectId}`,
        `事件 ${r.seq} 记在项目 ${r.projectId} 名下，应为 ${projectId}`,
        { projectId },
        r,
      );
    }
  }

  // duplicate: the same sequence number twice, the same step (update id) twice, the same escalation twice.
  for (const [seq, group] of bySeq) {
    if (group.length > 1) {
      report('duplicate', seq, `seq ${seq} is recorded ${group.length} times`, `序号 ${seq} 被记录了 ${group.length} 次`, history.get(seq)?.entry ?? null, group);
    }
  }
  const byUpdate = new Map<string, RecordedAuditEvent[]>();
  for (const r of log) {
    if (!r.updateId) continue;
    const group = byUpdate.get(r.updateId);
    if (group) group.push(r);
    else byUpdate.set(r.updateId, [r]);
  }
  for (const [updateId, group] of byUpdate) {
    if (group.length > 1) {
      const seqs = group.map((r) => r.seq).join(', ');
      report(
        'duplicate',
        group[1].seq,
        `one step (update ${updateId}) is recorded as events ${seqs}`,
        `同一操作（update ${updateId}）被记录为多个事件：${seqs}`,
        null,
        group,
      );
    }
  }
  let clockEpoch = 0;
  const escalations = new Map<string, RecordedAuditEvent>();
  for (const r of log) {
    if (CLOCK_RESTART_ACTIONS.has(r.action)) clockEpoch = r.seq;
    if (!isEscalationAction(r.action)) continue;
    const key = `${r.action}|${clockEpoch}|${canonicalJson(r.payload)}`;
    const first = escalations.get(key);
    if (!first) {
      escalations.set(key, r);
      continue;
    }
    report(
      'duplicate',
      r.seq,
      `escalation ${r.action} ${canonicalJson(r.payload)} is recorded twice (seq ${first.seq} and ${r.seq})`,
      `同一升级督办 ${r.action} 被记录两次（序号 ${first.seq} 与 ${r.seq}）`,
      null,
      [first, r],
    );
  }

  // out_of_order: gaps in 1..n, rows recorded out of sequence, time running backwards, a broken stage chain.
  const lastRecorded = recordedSeqs.length ? recordedSeqs[recordedSeqs.length - 1] : 0;
  const gaps: number[] = [];
  for (let s = 1; s <= lastRecorded; s++) if (!bySeq.has(s) && !history.has(s)) gaps.push(s);
  if (gaps.length) {
    report(
      'out_of_order',
      gaps[0],
      `the audit log skips seq ${ranges(gaps).join(', ')} (it runs to ${lastRecorded})`,
      `审计日志序号断档：缺 ${ranges(gaps).join('、')}（最大序号 ${lastRecorded}）`,
      null,
      { missingSeqs: gaps, lastSeq: lastRecorded },
    );
  }
  for (let i = 1; i < log.length; i++) {
    const prev = log[i - 1];
    const cur = log[i];
    if (cur.rowId < prev.rowId) {
      report(
        'out_of_order',
        cur.seq,
        `seq ${cur.seq} was recorded before seq ${prev.seq} (row ${cur.rowId} < row ${prev.rowId})`,
        `序号 ${cur.seq} 先于序号 ${prev.seq} 写入（行号 ${cur.rowId} < ${prev.rowId}）`,
        null,
        [prev, cur],
      );
    }
    if (cur.at < prev.at) {
      report(
        'out_of_order',
        cur.seq,
        `seq ${cur.seq} occurred before seq ${prev.seq} (${new Date(cur.at).toISOString()} < ${new Date(prev.at).toISOString()})`,
        `序号 ${cur.seq} 的发生时间早于序号 ${prev.seq}`,
        null,
        [prev, cur],
      );
    }
    if (stream === 'project' && cur.seq === prev.seq + 1 && (cur.stageBefore ?? null) !== prev.stageAfter) {
      report(
        'out_of_order',
        cur.seq,
        `stage chain broken: seq ${prev.seq} ends in ${prev.stageAfter}, seq ${cur.seq} starts from ${cur.stageBefore ?? 'nothing'}`,
        `阶段链断裂：序号 ${prev.seq} 之后为 ${prev.stageAfter}，序号 ${cur.seq} 之前却为 ${cur.stageBefore ?? '空'}`,
        null,
        [prev, cur],
      );
    }
  }

  // state_mismatch: the read model must be the state after the last event.
  const rm = input.readModel;
  const reference = input.historyState ?? input.liveState ?? null;
  const source = input.historyState ? 'the workflow history' : 'the live workflow';
  const sourceZh = input.historyState ? '工作流历史' : '工作流当前状态';
  if (!rm) {
    if (rows.length || history.size || reference) {
      report('state_mismatch', null, 'no read-model row for this workflow', '该工作流没有读模型记录', reference, null);
    }
  } else if (reference) {
    const candidates = input.historyState ? [input.historyState, ...(input.pendingStates ?? [])] : [reference];
    const match = candidates.find((c) => c.seq === rm.lastSeq);
    if (!match) {
      report(
        'state_mismatch',
        rm.lastSeq,
        `the read model is at seq ${rm.lastSeq}, ${source} at seq ${reference.seq}`,
        `读模型停在序号 ${rm.lastSeq}，${sourceZh}为序号 ${reference.seq}`,
        { lastSeq: reference.seq },
        { lastSeq: rm.lastSeq },
      );
    }
    const target = match ?? reference;
    if (!deepEqualIgnoringKeyOrder(rm.state, target.state)) {
      const keys = differingStateKeys(target.state, rm.state);
      report(
        'state_mismatch',
        target.seq,
        `the read model's state differs from ${source} after seq ${target.seq}: ${keys.join(', ')}`,
        `读模型状态与${sourceZh}（序号 ${target.seq} 之后）不一致：${keys.join('、')}`,
        target.state,
        rm.state,
      );
    }
  } else {
    // Nothing to compare the state with (events before issue 8 only): the read model must at least follow the log.
    const stateSeq = (rm.state as { seq?: unknown } | null)?.seq;
    if (rm.lastSeq !== lastRecorded) {
      report(
        'state_mismatch',
        rm.lastSeq,
        `the read model is at seq ${rm.lastSeq}, the audit log ends at seq ${lastRecorded}`,
        `读模型停在序号 ${rm.lastSeq}，审计日志最后序号为 ${lastRecorded}`,
        null,
        { lastSeq: rm.lastSeq, lastRecordedSeq: lastRecorded },
      );
    } else if (typeof stateSeq === 'number' && stateSeq !== rm.lastSeq) {
      report(
        'state_mismatch',
        rm.lastSeq,
        `the read model's state is at seq ${stateSeq}, its last_seq says ${rm.lastSeq}`,
        `读模型状态的序号为 ${stateSeq}，last_seq 却为 ${rm.lastSeq}`,
        null,
        { lastSeq: rm.lastSeq, stateSeq },
      );
    }
  }

  const checked = new Set<number>([...historySeqs, ...recordedSeqs]);
  return {
    workflowId,
    stream,
    checkedEvents: checked.size,
    verifiableFromSeq: verifiableFrom,
    unverifiableEvents,
    pendingEvents,
    discrepancies: found,
  };
}
