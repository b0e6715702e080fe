import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, WorkflowNotFoundError } from '@temporalio/common';
import type { ProjectionBatch } from '@zs/contracts';
import type { AuditEntry } from '@zs/domain';
import { historySide, readWorkflowHistory, streamOf, type HistoryBatch, type WorkflowHistoryRecord } from './workflow-history-reader';

const event = (seq: number): AuditEntry => ({ seq, at: 1_000 + seq, actor: { userId: 'system', role: 'system' }, action: `a${seq}`, payload: {}, stageBefore: 'intake', stageAfter: 'intake' });

function batch(runId: string, seqs: number[], opts: { completed?: boolean; pending?: boolean } = {}): HistoryBatch {
  const events = seqs.map(event);
  return {
    runId,
    scheduledEventId: seqs[0] * 10,
    completed: opts.completed ?? true,
    pending: opts.pending ?? false,
    batch: { stream: 'project', workflowId: 'project-p1', runId, projectId: 'p1', events, state: { seq: seqs[seqs.length - 1] } } as unknown as ProjectionBatch,
  };
}

const record = (batches: HistoryBatch[], patch: Partial<WorkflowHistoryRecord> = {}): WorkflowHistoryRecord => ({
  workflowId: 'project-p1',
  found: true,
  workflowType: 'projectLifecycleWorkflow',
  runs: [],
  batches,
  children: [],
  ...patch,
});

describe('historySide', () => {
  it('lists the events of every batch across runs, the first verifiable seq and the state after the last completed batch', () => {
    const side = historySide(record([batch('r1', [3, 4]), batch('r1', [5]), batch('r2', [6, 7])]));
    expect(side.history.map((h) => [h.entry.seq, h.runId, h.pending])).toEqual([
      [3, 'r1', false],
      [4, 'r1', false],
      [5, 'r1', false],
      [6, 'r2', false],
      [7, 'r2', false],
    ]);
    expect(side.firstVerifiableSeq).toBe(3);
    expect(side.historyState).toEqual({ seq: 7, state: { seq: 7 } });
    expect(side.pendingStates).toEqual([]);
  });

  it('keeps a batch in flight apart: its events pending, its state a candidate only', () => {
    const side = historySide(record([batch('r1', [1, 2]), batch('r1', [3], { completed: false, pending: true })]));
    expect(side.history.map((h) => h.pending)).toEqual([false, false, true]);
    expect(side.historyState).toEqual({ seq: 2, state: { seq: 2 } });
    expect(side.pendingStates).toEqual([{ seq: 3, state: { seq: 3 } }]);
  });

  it('has nothing to vouch for without batches (events recorded before issue 8)', () => {
    expect(historySide(record([]))).toEqual({ history: [], firstVerifiableSeq: null, historyState: null, pendingStates: [] });
  });
});

describe('streamOf', () => {
  it('follows the workflow type, else the id', () => {
    expect(streamOf(record([]))).toBe('project');
    expect(streamOf(record([], { workflowType: 'serviceRequestWorkflow', workflowId: 'service-request-x' }))).toBe('service_request');
    expect(streamOf(record([], { workflowType: null, workflowId: 'service-request-x' }))).toBe('service_request');
    expect(streamOf(record([], { workflowType: null, workflowId: 'project-x' }))).toBe('project');
  });
});

describe('readWorkflowHistory', () => {
  const projection = (runId: string, seqs: number[]) => ({
    activityType: { name: 'projectWorkflowEvents' },
    input: { payloads: [defaultPayloadConverter.toPayload(batch(runId, seqs).batch)] },
  });
  const started = (seconds: number, previous?: string) => ({
    eventTime: { seconds, nanos: 0 },
    workflowExecutionStartedEventAttributes: { workflowType: { name: 'projectLifecycleWorkflow' }, continuedExecutionRunId: previous ?? '' },
  });
  /** r0 is past retention; r1 continued as new into r2, which is open with a batch in flight. */
  const histories: Record<string, object[]> = {
    r1: [
      { eventId: 1, ...started(100, 'r0') },
      { eventId: 5, activityTaskScheduledEventAttributes: projection('r1', [3, 4]) },
      { eventId: 7, activityTaskCompletedEventAttributes: { scheduledEventId: 5 } },
      { eventId: 8, activityTaskScheduledEventAttributes: { activityType: { name: 'sendNotification' }, input: { payloads: [] } } },
      { eventId: 9, startChildWorkflowExecutionInitiatedEventAttributes: { workflowId: 'service-request-1', workflowType: { name: 'serviceRequestWorkflow' } } },
      { eventId: 10, workflowExecutionContinuedAsNewEventAttributes: { newExecutionRunId: 'r2' } },
    ],
    r2: [
      { eventId: 1, ...started(200, 'r1') },
      { eventId: 5, activityTaskScheduledEventAttributes: projection('r2', [5]) },
      { eventId: 7, activityTaskCompletedEventAttributes: { scheduledEventId: 5 } },
      { eventId: 11, activityTaskScheduledEventAttributes: projection('r2', [6]) },
    ],
  };
  const fetched: string[] = [];
  const client = {
    options: { loadedDataConverter: { payloadConverter: defaultPayloadConverter, payloadCodecs: [] } },
    workflow: {
      // Visibility lags: it lists the current run only.
      list: () => (async function* () {
        yield { runId: 'r2' };
      })(),
      getHandle: (workflowId: string, runId?: string) => ({
        describe: async () => ({ runId: 'r2' }),
        fetchHistory: async () => {
          fetched.push(runId as string);
          const events = histories[runId as string];
          if (!events) throw new WorkflowNotFoundError('gone', workflowId, runId);
          return { events };
        },
      }),
    },
  } as unknown as Client;

  it('follows the continue-as-new chain back past what visibility lists, oldest run first, and decodes the projection batches', async () => {
    const record = await readWorkflowHistory(client, 'project-p1');
    expect(fetched.sort()).toEqual(['r0', 'r1', 'r2']);
    expect(record).toMatchObject({ workflowId: 'project-p1', found: true, workflowType: 'projectLifecycleWorkflow', children: [{ workflowId: 'service-request-1', workflowType: 'serviceRequestWorkflow' }] });
    expect(record.runs.map((r) => [r.runId, r.closed, r.startedAt?.toISOString()])).toEqual([
      ['r1', true, new Date(100_000).toISOString()],
      ['r2', false, new Date(200_000).toISOString()],
    ]);
    expect(record.batches.map((b) => [b.runId, b.scheduledEventId, b.completed, b.pending, b.batch.events.map((e) => e.seq)])).toEqual([
      ['r1', 5, true, false, [3, 4]],
      ['r2', 5, true, false, [5]],
      ['r2', 11, false, true, [6]],
    ]);
    const side = historySide(record);
    expect(side).toMatchObject({ firstVerifiableSeq: 3, historyState: { seq: 5 }, pendingStates: [{ seq: 6 }] });
  });
});
