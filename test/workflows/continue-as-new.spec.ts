import { completeProjectUpdate, projectStateQuery, raiseServiceRequestUpdate, recordFulfilmentCheckUpdate } from '@zs/contracts';
import { eventually } from '../support/eventually';
import { driveToService, ESB, LEADER, step } from '../support/lifecycle-journey';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/** The SDK suggests continue-as-new at about 4,096 events; no run may come near it. */
const SUGGESTED_LIMIT = 4_096;
const REQUESTS = 300;

/**
 * Years of post-production service: a project with hundreds of service requests continues
 * as new, each run's history stays bounded, and nothing of its state is lost.
 */
describe('continue-as-new in the service phase (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it(`keeps every run under the suggested history size through ${REQUESTS} service requests, losing no state`, async () => {
    const { projectId, handle, produced } = await driveToService(h, { companyName: '湘江新材料股份有限公司' });
    const firstRunId = (await handle.describe()).runId;
    // Two steps sent with an update id (an Idempotency-Key) in the first run, retried in a later one.
    const keyedRaise = { args: [{ actor: ESB, command: { category: 'normal', title: '带键诉求', description: '重试测试', department: '政务服务局' } }], updateId: 'u-esb:raise-before-can' };
    const raisedFirst = await (handle.executeUpdate as (u: unknown, o: unknown) => Promise<any>)(raiseServiceRequestUpdate, keyedRaise);
    const keyedCheck = { args: [{ actor: ESB, command: { investmentInPlaceYi: 3, taxPaidWanYuan: 100, fulfilled: false, note: '部分到位' } }], updateId: 'u-esb:check-before-can' };
    const checked = await (handle.executeUpdate as (u: unknown, o: unknown) => Promise<any>)(recordFulfilmentCheckUpdate, keyedCheck);
    for (let i = 0; i < REQUESTS; i++) {
      await step(handle, raiseServiceRequestUpdate, ESB, { category: 'normal', title: `第${i + 1}号诉求`, description: '企业点单', department: '政务服务局' });
    }

    // Walk the chain of runs from the first: each ends by continuing as new until the current one.
    const runs: Array<{ runId: string; events: number }> = [];
    let runId: string | undefined = firstRunId;
    while (runId) {
      const history = await h.env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
      const last = history.events?.at(-1);
      runs.push({ runId, events: history.events?.length ?? 0 });
      runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) expect(run.events).toBeLessThan(SUGGESTED_LIMIT);

    // The retries reach the latest run, where Temporal no longer knows their update ids: answered, not applied again.
    expect(await (handle.executeUpdate as (u: unknown, o: unknown) => Promise<any>)(raiseServiceRequestUpdate, keyedRaise)).toEqual(raisedFirst);
    expect((await (handle.executeUpdate as (u: unknown, o: unknown) => Promise<any>)(recordFulfilmentCheckUpdate, keyedCheck)).state.seq).toBe(checked.state.seq);

    const now = (await handle.query(projectStateQuery)).state;
    expect(now.seq).toBe(checked.state.seq);
    expect(now).toEqual({ ...checked.state, seq: now.seq });
    const [{ n: checkEvents }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE workflow_id = $1 AND update_id = 'u-esb:check-before-can'`, [handle.workflowId]);
    expect(checkEvents).toBe(1);
    const rows = await eventually('every request persisted', async () => {
      const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM service_requests WHERE project_id = $1`, [projectId]);
      return n === REQUESTS + 1 ? n : undefined;
    }, 60_000);
    expect(rows).toBe(REQUESTS + 1);

    // The latest run still takes steps and completes the project.
    await step(handle, recordFulfilmentCheckUpdate, ESB, { investmentInPlaceYi: 6.8, taxPaidWanYuan: 500, fulfilled: true, note: '资金全部到位' });
    await step(handle, completeProjectUpdate, LEADER, { reason: '履约完成' });
    expect(await handle.result()).toMatchObject({ stage: 'completed', contract: produced.state.contract, construction: produced.state.construction });
  });
});
