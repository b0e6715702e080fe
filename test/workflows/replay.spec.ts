import { join } from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { buildWorkflowBundle } from '@zs/worker';
import { stackEnv } from '../setup/stack-env';
import { acceptingTaskEvents, markersOf } from '../support/history-markers';
import { quietRuntime } from '../support/quiet-runtime';
import { readHistories } from './history-files';

/** Recorded histories of every path must replay on today's workflow code. */
describe('replay of recorded workflow histories', () => {
  const histories = readHistories();

  beforeAll(() => quietRuntime());

  it('has a recorded history for every main path', () => {
    expect(histories.map((h) => h.name)).toEqual(
      expect.arrayContaining(['intake-accept', 'intake-escalate', 'intake-reject', 'intake-request-info', 'negotiation-follow-up', 'negotiation-lost', 'signing-commissioner', 'construction-production', 'lifecycle-completed', 'contract-terminated', 'service-phase', 'service-request-reopened', 'sla-intake-paused-recalculated', 'sla-construction-production', 'sla-service-request-paused', 'cadence-follow-up', 'cadence-construction', 'cadence-fulfilment', 'weekly-list-construction', 'sla-recalculation-job', 'trusted-intake-info', 'trusted-construction-race', 'trusted-service-request', 'trusted-service-phase', 'answer-on-commit-intake', 'answer-on-commit-construction-race', 'answer-on-commit-service-request', 'step-policies-follow-up']),
    );
  });

  it('holds a history of a step carrying its cadence policies: its task starts the cadence without a local activity', () => {
    const events = histories.find((h) => h.name === 'step-policies-follow-up')!.history.events!;
    const markers = markersOf(acceptingTaskEvents(events, 'decideIntake'));
    expect(markers).toContain('step-policies-v1');
    expect(markers).not.toContain('core_local_activity');
  });

  it('holds histories of answer-on-commit: each step completes in the workflow task that accepted it, before its projection runs', () => {
    // Raising a service request still answers once its first event is projected (awaitServiceRequest).
    const ANSWERED_AFTER_PROJECTION = ['awaitServiceRequest'];
    const { EventType } = temporal.api.enums.v1;
    for (const name of ['answer-on-commit-intake', 'answer-on-commit-construction-race', 'answer-on-commit-service-request']) {
      const events = histories.find((h) => h.name === name)!.history.events!;
      expect(markersOf(events)).toContain('answer-on-commit-v1');
      let accepted = 0;
      let completedWithoutTask = 0;
      let open = false;
      for (const e of events) {
        if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) {
          if (ANSWERED_AFTER_PROJECTION.includes(e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? '')) continue;
          accepted++;
          open = true;
        } else if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
          open = false;
        } else if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED && open) {
          completedWithoutTask++;
        }
      }
      expect(accepted).toBeGreaterThanOrEqual(4);
      expect(completedWithoutTask).toBe(accepted);
    }
  });

  it('replays every history deterministically on the current code', async () => {
    const results = Worker.runReplayHistories({ workflowBundle: { codePath: stackEnv('workflowBundle') } }, histories);
    const outcomes: Array<[string, string]> = [];
    for await (const r of results) outcomes.push([r.workflowId, r.error ? String(r.error) : 'ok']);
    expect(outcomes).toEqual(histories.map((h) => [h.workflowId, 'ok']));
  });

  it('fails on a change that breaks determinism', async () => {
    const { code } = await buildWorkflowBundle(join(__dirname, 'fixtures/nondeterministic.workflow.ts'));
    const escalate = histories.find((h) => h.name === 'intake-escalate')!;
    const results = Worker.runReplayHistories({ workflowBundle: { code } }, [escalate]);
    for await (const r of results) expect(r.error).toBeInstanceOf(DeterminismViolationError);
  });
});
