import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ApplicationFailure, Client, Connection, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import {
  decideIntakeUpdate,
  LIFECYCLE_TASK_QUEUE,
  PROJECT_WORKFLOW_TYPE,
  projectWorkflowId,
  recalculateSlaSignal,
  UNTRUSTED_PAYLOAD_ERROR,
  type StepUpdate,
} from '@zs/contracts';
import type { DecideIntakeCommand } from '@zs/domain';
import { resolveTemporalCli } from '@zs/local-stack';
import { recordForgedPayloadOnce } from '@zs/persistence';
import { HmacSm3PayloadCodec } from '@zs/temporal-codec';
import { stackEnv } from '../setup/stack-env';
import { eventually } from '../support/eventually';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { auditOf } from '../support/read-model';
import { sampleLead } from '../support/sample-lead';

/**
 * Issue 9, item 4: the Temporal frontend is not a write path. Whoever reaches it without the
 * payload key (a client without the codec, the `temporal` CLI, a signed payload altered on the
 * way) is refused by the workflow's validator: nothing enters the workflow's history, nothing is
 * audited as a step, and the refusal is recorded once as a `temporal.forged_payload` security event.
 */
describe('forged Temporal updates are refused', () => {
  let h: E2eHarness;
  let connection: Connection;
  let unsigned: Client;
  let officer: string;
  let taskForce: string;
  let auditor: string;
  const started: string[] = [];

  /** The actor of the report: a task-force member the caller is not. */
  const forged: StepUpdate<DecideIntakeCommand> = {
    actor: { userId: 'forged-user', role: 'intake_task_force', displayName: '伪造的专班成员' },
    command: { action: 'reject', reason: '伪造的否决' } as DecideIntakeCommand,
  };

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, auditor] = await Promise.all([h.login('officer'), h.login('taskforce'), h.login('auditor')]);
    connection = await Connection.connect({ address: stackEnv('temporalAddress') });
    unsigned = new Client({ connection, namespace: stackEnv('temporalNamespace') }); // no codec: what anyone who reaches the port has
  });
  afterAll(async () => {
    await Promise.all(started.map((id) => unsigned?.workflow.getHandle(projectWorkflowId(id)).terminate('e2e clean-up').catch(() => undefined)));
    await connection?.close();
    await h?.teardown();
  });

  async function registerLead(companyName: string): Promise<string> {
    const created = await h.http('POST', '/leads', { token: officer, body: sampleLead({ companyName }) });
    expect([created.status, created.status === 201 ? null : created.body]).toEqual([201, null]);
    started.push(created.body.id);
    return created.body.id as string;
  }

  /** Everything a forged step could have changed: the API's view, /history, the read model, the audit log, Temporal's history. */
  async function observable(id: string) {
    const project = await h.http('GET', `/projects/${id}`, { token: auditor });
    const history = await h.http('GET', `/projects/${id}/history`, { token: auditor });
    const [row] = await h.dataSource.query(`SELECT stage, last_seq FROM projects WHERE id = $1`, [id]);
    const events = (await unsigned.workflow.getHandle(projectWorkflowId(id)).fetchHistory()).events ?? [];
    return {
      stage: project.body.stage,
      clocks: project.body.clocks.map((c: any) => [c.clock, c.status, c.deadlineAt]),
      history: history.body.items,
      readModel: row,
      audit: await auditOf(h.dataSource, id),
      updateEvents: events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateCompletedEventAttributes).length,
    };
  }

  async function forgedEvents(id: string): Promise<Array<{ outcome: string; subject: string; payload: Record<string, any> }>> {
    return h.dataSource.query(
      `SELECT outcome, subject, payload FROM security_events WHERE kind = 'temporal.forged_payload' AND subject = $1 ORDER BY id`,
      [`workflow:${projectWorkflowId(id)}`],
    );
  }

  function expectUntrustedRefusal(err: unknown): void {
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(UNTRUSTED_PAYLOAD_ERROR);
  }

  it('refuses decideIntake with a forged actor from a client without the codec, changing nothing and recording it once', async () => {
    const id = await registerLead('伪造更新测试有限公司');
    const before = await observable(id);
    expect(before.stage).toBe('intake');

    const updateId = randomUUID();
    const err = await unsigned.workflow.getHandle(projectWorkflowId(id)).executeUpdate(decideIntakeUpdate, { args: [forged], updateId }).catch((e: unknown) => e);
    expectUntrustedRefusal(err);

    expect(await observable(id)).toEqual(before);
    expect(before.history.map((e: any) => e.action)).toEqual(['lead.registered']);
    const events = await forgedEvents(id);
    expect(events).toEqual([
      {
        outcome: 'refused',
        subject: `workflow:project-${id}`,
        payload: expect.objectContaining({ via: 'update', name: 'decideIntake', updateId, reason: 'unsigned', workflowType: PROJECT_WORKFLOW_TYPE, digest: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      },
    ]);
    expect(events[0].payload.preview).toContain('forged-user');
    // The same refusal reported again (a retried workflow task, a second worker) is not recorded twice.
    const again = await recordForgedPayloadOnce(h.dataSource, { dedupKey: events[0].payload.dedupKey, subject: events[0].subject, payload: {} });
    expect(again).toBe(false);
    expect(await forgedEvents(id)).toHaveLength(1);

    // The API's own step still works, under the caller's real identity.
    const decided = await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' } });
    expect(decided.status).toBe(200);
    expect(decided.body.stage).toBe('negotiation');
    const history = await h.http('GET', `/projects/${id}/history`, { token: auditor });
    expect(history.body.items.map((e: any) => [e.action, e.actorRole, e.actorId === 'forged-user'])).toEqual([
      ['lead.registered', 'investment_officer', false],
      ['intake.accepted', 'intake_task_force', false],
    ]);
    expect(await forgedEvents(id)).toHaveLength(1);
  });

  it('refuses the same through the temporal CLI (`temporal workflow update execute`)', async () => {
    const id = await registerLead('命令行伪造测试有限公司');
    const before = await observable(id);
    const cli = await promisify(execFile)(
      resolveTemporalCli(),
      ['workflow', 'update', 'execute', '--address', stackEnv('temporalAddress'), '--namespace', stackEnv('temporalNamespace'), '-w', projectWorkflowId(id), '--name', 'decideIntake', '--input', JSON.stringify(forged)],
      { timeout: 60_000 },
    ).then(
      () => ({ refused: false, output: '' }),
      (e: { stdout?: string; stderr?: string }) => ({ refused: true, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
    );
    expect(cli.refused).toBe(true);
    expect(cli.output).toMatch(/not signed by the engine/);
    expect(await observable(id)).toEqual(before);
    expect(await forgedEvents(id)).toEqual([expect.objectContaining({ payload: expect.objectContaining({ via: 'update', name: 'decideIntake', reason: 'unsigned' }) })]);
  });

  it('refuses a signed payload altered on its way (accept rewritten to reject)', async () => {
    const id = await registerLead('篡改签名测试有限公司');
    const before = await observable(id);
    const signer = new HmacSm3PayloadCodec({ key: stackEnv('payloadKey'), mode: 'enforce' });
    const tampering: PayloadCodec = {
      encode: async (payloads) =>
        (await signer.encode(payloads)).map((p) => ({ ...p, data: new TextEncoder().encode(new TextDecoder().decode(p.data!).replace('"accept"', '"reject"')) })),
      decode: (payloads) => signer.decode(payloads),
    };
    const altered = new Client({ connection, namespace: stackEnv('temporalNamespace'), dataConverter: { payloadCodecs: [tampering] } });
    const genuine: StepUpdate<DecideIntakeCommand> = { actor: { userId: 'someone', role: 'intake_task_force' }, command: { action: 'accept' } as DecideIntakeCommand };
    const err = await altered.workflow.getHandle(projectWorkflowId(id)).executeUpdate(decideIntakeUpdate, { args: [genuine] }).catch((e: unknown) => e);
    expectUntrustedRefusal(err);
    expect(await observable(id)).toEqual(before);
    const events = await forgedEvents(id);
    expect(events).toEqual([expect.objectContaining({ payload: expect.objectContaining({ via: 'update', reason: 'bad_signature' }) })]);
    expect(events[0].payload.preview).toContain('"reject"');
  });

  it('drops a forged signal and fails a forged start before it records anything', async () => {
    const id = await registerLead('伪造信号测试有限公司');
    const before = await observable(id);
    await unsigned.workflow.getHandle(projectWorkflowId(id)).signal(recalculateSlaSignal, { requestId: randomUUID() } as never);
    await eventually('the forged signal to be recorded', async () => ((await forgedEvents(id)).length === 1 ? true : undefined), 20_000);
    expect((await forgedEvents(id))[0].payload).toMatchObject({ via: 'signal', name: recalculateSlaSignal.name, reason: 'unsigned' });
    expect(await observable(id)).toEqual(before);

    const projectId = randomUUID();
    started.push(projectId);
    const handle = await unsigned.workflow.start(PROJECT_WORKFLOW_TYPE, {
      taskQueue: LIFECYCLE_TASK_QUEUE,
      workflowId: projectWorkflowId(projectId),
      args: [{ projectId, lead: sampleLead({ companyName: '伪造登记有限公司' }), registeredBy: forged.actor, requestHash: 'forged' }],
    });
    const failed = await handle.result().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkflowFailedError);
    expect(((failed as WorkflowFailedError).cause as ApplicationFailure).type).toBe(UNTRUSTED_PAYLOAD_ERROR);
    expect(await h.dataSource.query(`SELECT 1 FROM projects WHERE id = $1`, [projectId])).toEqual([]);
    expect(await forgedEvents(projectId)).toEqual([expect.objectContaining({ payload: expect.objectContaining({ via: 'start', reason: 'unsigned' }) })]);
  });
});
