import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { createProjectWorkflowEvents } from '@zs/activities';
import type { ProjectionBatch } from '@zs/contracts';
import { registerLead, decideIntake, recordNegotiationContact, type Actor } from '@zs/domain';
import { writeProjectionBatch } from '@zs/persistence';
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

  /**
   * Answer-on-commit (issue 12): the API writes a step's events from its answer while the
   * projection activity writes the same batch, or a longer one, in any order or at once.
   */
  describe('two writers of one workflow\'s events', () => {
    const NEGOTIATOR: Actor = { userId: 'u-officer', role: 'investment_officer', displayName: '李专员' };

    function threeEvents() {
      const b = batches();
      const contact = recordNegotiationContact(
        b.accepted.state,
        { kind: 'visit', date: '2026-01-06', participants: '李专员、企业负责人', location: '园区管委会', outcome: '实地考察，意向明确' },
        NEGOTIATOR,
        Date.UTC(2026, 0, 6, 2),
      );
      const base = { stream: 'project' as const, workflowId: b.first.workflowId, runId: 'run-1', projectId: b.projectId };
      return { ...b, contacted: { ...base, events: [contact.audit], state: contact.state }, both: { ...base, events: [b.accepted.events[0], contact.audit], state: contact.state } };
    }

    async function recordOf(projectId: string) {
      const audit = (await auditOf(h.dataSource, projectId)).map((e: { seq: number; action: string }) => [e.seq, e.action]);
      const [row] = await h.dataSource.query(`SELECT stage, last_seq FROM projects WHERE id = $1`, [projectId]);
      return { audit, row };
    }

    it('the same events at once from both: one row each, the newest state', async () => {
      const { projectId, first, accepted, contacted, both } = threeEvents();
      await writeProjectionBatch(h.dataSource, first);
      // The API writes each step as it is answered; the activity's batch holds both.
      const results = await Promise.all([writeProjectionBatch(h.dataSource, accepted), run(both), writeProjectionBatch(h.dataSource, contacted)]);
      expect(results).toEqual([[], undefined, []]);
      const expected = { audit: [[1, 'lead.registered'], [2, 'intake.accepted'], [3, contacted.events[0].action]], row: { stage: 'negotiation', last_seq: 3 } };
      expect(await recordOf(projectId)).toEqual(expected);
      // An older batch arriving last (the activity retried late) changes nothing.
      await run(accepted);
      expect(await writeProjectionBatch(h.dataSource, accepted)).toEqual([]);
      expect(await recordOf(projectId)).toEqual(expected);
    });

    it('an event already held is no cover for another under its number: the API\'s write refuses it too', async () => {
      const { projectId, first, accepted, rejected } = threeEvents();
      await writeProjectionBatch(h.dataSource, first);
      await writeProjectionBatch(h.dataSource, accepted);
      const conflicts = await writeProjectionBatch(h.dataSource, rejected);
      expect(conflicts.map((c) => [c.seq, c.stored.action, c.attempted.action])).toEqual([[2, 'intake.accepted', 'intake.rejected']]);
      expect((await recordOf(projectId)).row).toEqual({ stage: 'negotiation', last_seq: 2 });
    });
  });
});
