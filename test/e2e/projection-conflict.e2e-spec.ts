import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { createProjectWorkflowEvents } from '@zs/activities';
import type { ProjectionBatch } from '@zs/contracts';
import { registerLead, decideIntake, type Actor } from '@zs/domain';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { auditOf } from '../support/read-model';
import { sampleLead } from '../support/sample-lead';

const OFFICER: Actor = { userId: 'u-officer', role: 'investment_officer', displayName: '李专员' };
const TASK_FORCE: Actor = { userId: 'u-taskforce', role: 'intake_task_force', displayName: '承接专班' };

/**
 * Issue 8: a projection write that meets the same sequence number with other content fails
 * loudly (the activity fails, the conflict is kept for administrators), never silently; the
 * same write repeated (an activity retried after its commit) changes nothing.
 */
describe('projection conflicts', () => {
  let h: E2eHarness;
  let project: ReturnType<typeof createProjectWorkflowEvents>;
  const run = (batch: ProjectionBatch) => new MockActivityEnvironment().run(project, batch);

  beforeAll(async () => {
    h = await startE2eHarness();
    project = createProjectWorkflowEvents(h.dataSource);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  function batches() {
    const projectId = randomUUID();
    const workflowId = `project-${projectId}`;
    const registered = registerLead(projectId, sampleLead(), OFFICER, Date.UTC(2026, 0, 5, 2));
    const accepted = decideIntake(registered.state, { action: 'accept' }, TASK_FORCE, Date.UTC(2026, 0, 5, 3));
    const rejected = decideIntake(registered.state, { action: 'reject', reason: '不符合产业定位' }, TASK_FORCE, Date.UTC(2026, 0, 5, 3));
    const base = { stream: 'project' as const, workflowId, runId: 'run-1', projectId };
    return {
      projectId,
      first: { ...base, events: [registered.audit], state: registered.state },
      accepted: { ...base, events: [accepted.audit], state: accepted.state },
      rejected: { ...base, events: [rejected.audit], state: rejected.state },
    };
  }

  it('writes a batch once, whatever the retries', async () => {
    const { projectId, first, accepted } = batches();
    await run(first);
    await run(accepted);
    await run(accepted);
    await run(first);
    const history = await auditOf(h.dataSource, projectId);
    expect(history.map((e: { seq: number; action: string }) => [e.seq, e.action])).toEqual([
      [1, 'lead.registered'],
      [2, 'intake.accepted'],
    ]);
    const [row] = await h.dataSource.query(`SELECT stage, last_seq FROM projects WHERE id = $1`, [projectId]);
    expect(row).toEqual({ stage: 'negotiation', last_seq: 2 });
  });

  it('refuses another event under a stored sequence number: nothing changes, the conflict is listed for auditors and administrators', async () => {
    const { projectId, first, accepted, rejected } = batches();
    await run(first);
    await run(accepted);

    const failure = await run(rejected).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'PROJECTION_CONFLICT', nonRetryable: false });
    await run(rejected).catch(() => undefined);

    expect((await auditOf(h.dataSource, projectId)).map((e: { action: string }) => e.action)).toEqual(['lead.registered', 'intake.accepted']);
    const [row] = await h.dataSource.query(`SELECT stage, last_seq FROM projects WHERE id = $1`, [projectId]);
    expect(row).toEqual({ stage: 'negotiation', last_seq: 2 });

    for (const who of ['auditor', 'admin']) {
      const res = await h.http('GET', '/admin/projection-conflicts?pageSize=100', { token: await h.login(who) });
      expect(res.status).toBe(200);
      const conflict = res.body.items.find((c: { projectId: string }) => c.projectId === projectId);
      expect(conflict).toMatchObject({ workflowId: `project-${projectId}`, seq: 2, attempts: 2, stored: { action: 'intake.accepted' }, attempted: { action: 'intake.rejected' } });
    }
    expect((await h.http('GET', '/admin/projection-conflicts', { token: await h.login('officer') })).status).toBe(403);
  });
});
