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

    const now = (await handle.query(projectStateQuery)).state;
    expect(now).toEqual({ ...produced.state, seq: now.seq });
    expect(now.seq).toBe(produced.state.seq);
    const rows = await eventually('every request persisted', async () => {
      const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM service_requests WHERE project_id = $1`, [projectId]);
      return n === REQUESTS ? n : undefined;
    }, 60_000);
    expect(rows).toBe(REQUESTS);

    // The latest run still takes steps and completes the project.
    await step(handle, recordFulfilmentCheckUpdate, ESB, { investmentInPlaceYi: 6.8, taxPaidWanYuan: 500, fulfilled: true, note: '资金全部到位' });
    await step(handle, completeProjectUpdate, LEADER, { reason: '履约完成' });
    expect(await handle.result()).toMatchObject({ stage: 'completed', contract: produced.state.contract, construction: produced.state.construction });
  });
});
