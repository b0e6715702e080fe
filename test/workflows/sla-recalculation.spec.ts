import { randomUUID } from 'node:crypto';
import {
  LIFECYCLE_TASK_QUEUE,
  SLA_RECALCULATION_WORKFLOW_TYPE,
  slaRecalculationWorkflowId,
  type SlaRecalculationInput,
  type SlaRecalculationProgress,
} from '@zs/contracts';
import type { Actor } from '@zs/domain';
import { eventually } from '../support/eventually';
import { auditOf } from '../support/read-model';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

const ADMIN: Actor = { userId: 'u-admin', role: 'admin' };

/**
 * 重新计算 as a background workflow on the time-skipping server: it pages through the SLA read
 * model, continues as new between runs, signals every workflow with an open clock once, and
 * counts those that ended since the read model listed them. The database is shared with the
 * other suites, so the counts are bounded below by this file's own projects.
 */
describe('recalculation as a background workflow (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const openIntakeClockRows = async (projectId: string): Promise<number> =>
    Number((await h.dataSource.query(`SELECT count(*) AS n FROM sla_clocks WHERE project_id = $1 AND clock = 'intake_decision' AND stopped_at IS NULL`, [projectId]))[0].n);
  const recalculations = async (projectId: string, requestId: string) =>
    (await auditOf(h.dataSource, projectId)).filter((a) => a.action === 'sla.recalculated' && (a.payload as { requestId?: string }).requestId === requestId);

  it('pages through every open clock (2 a page, 2 pages a run), signals each workflow once and counts one that has ended', async () => {
    const running = await Promise.all([1, 2, 3, 4, 5].map(() => h.register()));
    const ended = await h.register();
    for (const p of [...running, ended]) await eventually('the read model row', async () => ((await openIntakeClockRows(p.projectId)) === 1 ? true : undefined));
    // Ended behind the read model's back: its clock row stays open, its workflow refuses signals.
    await ended.handle.terminate('test: ended since the read model listed it');

    const requestId = randomUUID();
    const input: SlaRecalculationInput = {
      request: { requestId, scope: 'calendar', reason: '2027年放假安排已发布', actor: ADMIN },
      policyKey: 'intake_decision',
      pageSize: 2,
      pagesPerRun: 2,
    };
    const job = await h.env.client.workflow.start(SLA_RECALCULATION_WORKFLOW_TYPE, { workflowId: slaRecalculationWorkflowId(requestId), taskQueue: LIFECYCLE_TASK_QUEUE, args: [input] });
    const result: SlaRecalculationProgress = await job.result();

    expect(result.done).toBe(true);
    expect(result.signalled).toBeGreaterThanOrEqual(running.length);
    expect(result.ended).toBeGreaterThanOrEqual(1);
    // Full pages of 2, then the remainder: every listed workflow was on exactly one page.
    expect(result.pages).toBe(Math.ceil((result.signalled + result.ended) / 2));
    // At least 6 workflows on 3 pages or more: the first run handed over after its 2 pages.
    const firstRun = await h.env.client.workflow.getHandle(job.workflowId, job.firstExecutionRunId).describe();
    expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');

    for (const p of running) {
      const events = await eventually('the recalculation to be recorded', async () => {
        const rows = await recalculations(p.projectId, requestId);
        return rows.length > 0 ? rows : undefined;
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor_id: ADMIN.userId, actor_role: 'admin', payload: { clock: 'intake_decision', scope: 'calendar', reason: '2027年放假安排已发布' } });
    }
    expect(await recalculations(ended.projectId, requestId)).toEqual([]);
  });
});
