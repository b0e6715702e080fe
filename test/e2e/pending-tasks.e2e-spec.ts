import { MockActivityEnvironment } from '@temporalio/testing';
import { createProjectWorkflowEvents } from '@zs/activities';
import type { ProjectionBatch } from '@zs/contracts';
import {
  acceptServiceRequest,
  assignCommissioner,
  comparePendingTasks,
  completeMilestone,
  decideIntake,
  establishMilestonePlan,
  isTaskFor,
  MILESTONE_KINDS,
  pauseProjectClock,
  pendingTasks,
  provideIntakeInfo,
  rateServiceRequest,
  recordProduction,
  resolveServiceRequest,
  serviceRequestTasks,
  terminateContract,
  type PendingTask,
  type ProjectState,
  type ServiceRequestState,
  type Stage,
  type TaskViewer,
} from '@zs/domain';
import {
  applyDatabaseRoles,
  backfillPendingTasks,
  closeDatabase,
  createDataSource,
  inTransaction,
  listPendingTasks,
  MIGRATIONS,
  openDatabase,
  openProjectStates,
  openServiceRequests,
  writeProjectReadModel,
  writeServiceRequestReadModel,
  type Database,
  type OpenServiceRequest,
} from '@zs/persistence';
import { datesFrom } from '../support/relative-dates';
import { DAY_MS, HOUR_MS, ProjectSteps, RequestSteps, TASK_PEOPLE, workQueueZone, type ProjectFixture, type Stepped } from '../support/task-states';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** 2026-07-01 10:00 in Asia/Shanghai: the zone's registrations; the queue is read at several instants after it. */
const T0 = Date.UTC(2026, 6, 1, 2);
const NOWS = [T0, T0 + 26 * HOUR_MS, T0 + 3 * DAY_MS, T0 + 40 * DAY_MS, T0 + 400 * DAY_MS];
const VIEWERS: TaskViewer[] = [...Object.values(TASK_PEOPLE), { userId: 'u-tq-nobody', role: 'investment_officer' }];

interface Filter {
  stage?: Stage;
  overdue?: boolean;
}
const FILTERS: Filter[] = [
  {},
  { overdue: true },
  { overdue: false },
  ...(['intake', 'construction', 'service'] as const).flatMap((stage) => [{ stage }, { stage, overdue: true }, { stage, overdue: false }]),
  ...(['negotiation', 'signing', 'production', 'terminated'] as const).map((stage) => ({ stage })),
];

interface StoredTask {
  project_id: string;
  workflow_id: string | null;
  position: number;
  step: string;
  stage: string;
  assignee_role: string;
  assignee_user_id: string | null;
  deadline_at: Date | null;
  paused_remaining_ms: number | null;
  late: boolean;
}

/**
 * Issue 12: GET /tasks reads the pending_tasks read model, paged in SQL. On a database of its own
 * (connected as the application role, zs_app), without Temporal: the states come from the domain's
 * transitions, written by the projection's functions.
 */
describe('pending_tasks (the work queue as a read model)', () => {
  let db: TestDatabase;
  let ds: Database;
  let zone: ProjectFixture[];

  const write = (fixture: ProjectFixture) =>
    inTransaction(ds, async (tx) => {
      await writeProjectReadModel(tx, fixture.workflowId, 'run-1', fixture.state, T0);
      for (const r of fixture.requests) await writeServiceRequestReadModel(tx, r.workflowId, r.state, T0);
    });

  const rowsOf = (projectId: string): Promise<StoredTask[]> =>
    ds.query(
      `SELECT project_id, workflow_id, position, step, stage, assignee_role, assignee_user_id, deadline_at, paused_remaining_ms::float8 AS paused_remaining_ms, late
         FROM pending_tasks WHERE project_id = $1 ORDER BY workflow_id NULLS FIRST, position`,
      [projectId],
    );
  const allRows = (): Promise<unknown[]> =>
    ds.query(
      `SELECT project_id, workflow_id, position, step, step_label, company_name, stage, assignee_role, assignee_user_id,
              deadline_at, paused_remaining_ms::float8 AS paused_remaining_ms, late
         FROM pending_tasks ORDER BY project_id, workflow_id NULLS FIRST, position`,
    );

  /** Every page of the SQL answer, checking that each page reports the same total and the last one is short. */
  async function sqlQueue(viewer: TaskViewer, filter: Filter, now: number, pageSize: number): Promise<{ items: PendingTask<string>[]; total: number }> {
    const items: PendingTask<string>[] = [];
    let total = -1;
    for (let page = 1; ; page++) {
      const answer = await listPendingTasks(ds, { viewer, ...filter, page, pageSize }, now);
      if (total !== -1) expect(answer.total).toBe(total);
      total = answer.total;
      items.push(...answer.items);
      if (answer.items.length < pageSize) return { items, total };
    }
  }

  /** The reads the work queue derived its tasks from before issue 12, per stage filter (the states do not change while compared). */
  const sources = new Map<string, Promise<[ProjectState[], OpenServiceRequest[]]>>();
  const sourcesOf = (stage: Stage | undefined) => {
    const key = stage ?? '';
    if (!sources.has(key)) sources.set(key, Promise.all([openProjectStates(ds, stage), openServiceRequests(ds, stage)]));
    return sources.get(key)!;
  };

  /** The work queue as TasksService derived it in memory before issue 12 (the reference). */
  async function derivedQueue(viewer: TaskViewer, filter: Filter, now: number): Promise<PendingTask<string>[]> {
    const [projects, requests] = await sourcesOf(filter.stage);
    const projectTasks = projects.flatMap((state) => pendingTasks(state, now)).filter((t) => isTaskFor(t, viewer));
    const requestTasks = requests.flatMap((r) => serviceRequestTasks(r.state, r.stage, now)).filter((t) => t.assignee.role === viewer.role);
    const tasks: PendingTask<string>[] = [...projectTasks, ...requestTasks].filter((t) => filter.overdue === undefined || t.overdue === filter.overdue);
    return tasks.sort(comparePendingTasks);
  }

  beforeAll(async () => {
    db = await createTestDatabase('pending_tasks');
    ds = await openDatabase({ url: db.url, poolSize: 4 });
    zone = workQueueZone(T0);
    for (const fixture of zone) await write(fixture);
  });
  afterAll(async () => {
    if (ds) await closeDatabase(ds);
    await db?.drop();
  });

  const fixture = (name: string): ProjectFixture => zone.find((f) => f.name === name)!;

  describe('the SQL answer equals the in-memory derivation', () => {
    it('for every viewer, filter and instant: the same tasks, in the same order, the same total', async () => {
      let compared = 0;
      let nonEmpty = 0;
      for (const now of NOWS) {
        for (const viewer of VIEWERS) {
          for (const filter of FILTERS) {
            const expected = await derivedQueue(viewer, filter, now);
            const { items, total } = await sqlQueue(viewer, filter, now, 100);
            expect({ now, viewer, filter, total, items }).toEqual({ now, viewer, filter, total: expected.length, items: expected });
            compared++;
            if (expected.length > 0) nonEmpty++;
          }
        }
      }
      expect(compared).toBe(NOWS.length * VIEWERS.length * FILTERS.length);
      expect(nonEmpty).toBeGreaterThan(NOWS.length * 20);
    });

    it('pages of two: the concatenation is the whole queue, each page the same total; past the end, none', async () => {
      for (const now of [T0, T0 + 3 * DAY_MS]) {
        for (const viewer of VIEWERS) {
          const expected = await derivedQueue(viewer, {}, now);
          expect(await sqlQueue(viewer, {}, now, 2)).toEqual({ items: expected, total: expected.length });
          const beyond = await listPendingTasks(ds, { viewer, page: Math.ceil(expected.length / 2) + 2, pageSize: 2 }, now);
          expect(beyond).toEqual({ items: [], total: expected.length });
        }
      }
    });

    it('counts a paused clock from now, a missed follow-up as overdue before its deadline, ties by request', async () => {
      // The intake clock paused two hours in: 46 hours left whenever the queue is read, never overdue.
      const paused = fixture('intake, clock paused').state.projectId;
      for (const now of NOWS) {
        const task = (await sqlQueue(TASK_PEOPLE.taskForce, {}, now, 100)).items.find((t) => t.projectId === paused);
        expect(task).toMatchObject({ step: 'intake.decide', deadlineAt: now + 46 * HOUR_MS, remainingMs: 46 * HOUR_MS, overdue: false });
      }
      // Paused two hours after its deadline: two hours behind whenever it is read.
      const behind = fixture('intake, clock paused after its deadline').state.projectId;
      const overdueQueue = (await sqlQueue(TASK_PEOPLE.taskForce, { overdue: true }, T0, 100)).items;
      expect(overdueQueue.find((t) => t.projectId === behind)).toMatchObject({ deadlineAt: T0 - 2 * HOUR_MS, remainingMs: -2 * HOUR_MS, overdue: true });

      // Missed at 25 h: due again at 49 h, but overdue already (the owner is behind), so it comes
      // before the officer's tasks that are not, though their deadlines may be nearer.
      const now = T0 + 26 * HOUR_MS;
      const missed = fixture('negotiation, follow-up missed').state.projectId;
      const officerQueue = (await sqlQueue(TASK_PEOPLE.officer1, {}, now, 100)).items;
      const later = fixture('negotiation, accepted later').state.projectId;
      expect(officerQueue.filter((t) => [missed, later].includes(t.projectId)).map((t) => [t.projectId, t.deadlineAt, t.overdue])).toEqual([
        [missed, T0 + 49 * HOUR_MS, true],
        [later, T0 + 44 * HOUR_MS, false],
      ]);
      expect((await sqlQueue(TASK_PEOPLE.officer1, { overdue: true }, now, 100)).items.map((t) => t.projectId)).toContain(missed);

      // Two requests of one project awaiting their rating (no deadline): by request id.
      const rated = fixture('construction, two requests awaiting their rating');
      const byRequest = [...rated.requests].sort((a, b) => (a.state.requestId < b.state.requestId ? -1 : 1)).map((r) => `service.rate:${r.state.requestId}`);
      const esbQueue = (await sqlQueue(TASK_PEOPLE.esb, {}, T0, 100)).items;
      expect(esbQueue.filter((t) => t.projectId === rated.state.projectId).map((t) => t.step)).toEqual(byRequest);
      // A request's task carries its project's stage.
      expect((await sqlQueue(TASK_PEOPLE.esb, { stage: 'construction' }, T0, 100)).items.map((t) => t.step)).toEqual(
        expect.arrayContaining(byRequest),
      );
    });

    it('stores nothing for the terminal projects and the closed request', async () => {
      expect(await rowsOf(fixture('rejected').state.projectId)).toEqual([]);
      expect(await rowsOf(fixture('lost').state.projectId)).toEqual([]);
      const service = fixture('service, with requests');
      const closed = service.requests.find((r) => r.state.status === 'closed')!;
      const stored = await rowsOf(service.state.projectId);
      expect(stored.map((r) => r.workflow_id)).not.toContain(closed.workflowId);
      expect(stored.filter((r) => r.workflow_id !== null)).toHaveLength(service.requests.length - 1);
    });
  });

  describe('the projection moves the rows', () => {
    const projection = () => createProjectWorkflowEvents(ds);
    const project = (p: ProjectSteps, stepped: Stepped<ProjectState>): ProjectionBatch => ({
      stream: 'project',
      workflowId: p.workflowId,
      runId: 'run-1',
      projectId: p.projectId,
      events: [stepped.audit],
      state: stepped.state,
    });
    const request = (p: ProjectSteps, r: RequestSteps, stepped: Stepped<ServiceRequestState>): ProjectionBatch => ({
      stream: 'service_request',
      workflowId: r.workflowId,
      runId: 'run-1',
      projectId: p.projectId,
      events: [stepped.audit],
      state: stepped.state,
    });
    const run = (batch: ProjectionBatch) => new MockActivityEnvironment().run(projection(), batch);
    const brief = async (p: ProjectSteps) => (await rowsOf(p.projectId)).map((r) => [r.workflow_id === null ? 'project' : 'request', r.step, r.stage]);

    it('after each step the old task is gone and the next one is there; after the last, none', async () => {
      const t0 = Date.now() - 10 * HOUR_MS;
      const { day } = datesFrom(t0);
      const p = new ProjectSteps(t0);
      const projectLast = () => run(project(p, p.steps[p.steps.length - 1]));

      await projectLast();
      expect(await rowsOf(p.projectId)).toEqual([
        expect.objectContaining({ workflow_id: null, position: 0, step: 'intake.decide', stage: 'intake', assignee_role: 'intake_task_force', assignee_user_id: null, deadline_at: new Date(t0 + 48 * HOUR_MS), paused_remaining_ms: null, late: false }),
      ]);

      p.step((s, at) => decideIntake(s, { action: 'request_info', missing: '近三年财务报表' }, TASK_PEOPLE.taskForce, at), 0.5);
      await projectLast();
      expect(await rowsOf(p.projectId)).toEqual([
        expect.objectContaining({ step: 'intake.provide_info', assignee_role: 'investment_officer', assignee_user_id: TASK_PEOPLE.officer1.userId, deadline_at: null, paused_remaining_ms: null }),
      ]);

      // Answered an hour later: back to the task force, the deadline moved by the pause.
      p.step((s, at) => provideIntakeInfo(s, { response: '已上传' }, TASK_PEOPLE.officer1, at), 1.5);
      await projectLast();
      expect(await rowsOf(p.projectId)).toEqual([expect.objectContaining({ step: 'intake.decide', deadline_at: new Date(t0 + 49 * HOUR_MS) })]);

      p.accepted(2);
      await projectLast();
      expect(await brief(p)).toEqual([['project', 'negotiation.follow_up', 'negotiation']]);
      // An older batch retried late moves neither the read model nor the tasks.
      await run(project(p, p.steps[0]));
      expect(await brief(p)).toEqual([['project', 'negotiation.follow_up', 'negotiation']]);

      p.signed(4);
      await run(project(p, p.steps[p.steps.length - 2]));
      expect(await brief(p)).toEqual([['project', 'signing.record_contract', 'signing']]);
      await projectLast();
      expect(await brief(p)).toEqual([
        ['project', 'handover.assign_commissioner', 'construction'],
        ['project', 'construction.plan', 'construction'],
      ]);

      // The handover clock paused: no fixed deadline, the time it has left instead.
      p.step((s, at) => pauseProjectClock(s, { clock: 'commissioner_assignment', reason: '等待企业确认联系人' }, TASK_PEOPLE.psb1, at), 5);
      await projectLast();
      const [handover] = await rowsOf(p.projectId);
      expect(handover).toMatchObject({ step: 'handover.assign_commissioner', deadline_at: null, paused_remaining_ms: 23 * HOUR_MS });

      p.step((s, at) => assignCommissioner(s, { commissionerUserId: TASK_PEOPLE.psb1.userId, commissionerName: '刘洋' }, TASK_PEOPLE.psb1, at), 5.5);
      await projectLast();
      expect(await brief(p)).toEqual([['project', 'construction.plan', 'construction']]);

      const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: TASK_PEOPLE.psb2.userId, responsibleName: '张三' }));
      p.step((s, at) => establishMilestonePlan(s, { nodes }, TASK_PEOPLE.psb1, at), 6);
      await projectLast();
      const open = MILESTONE_KINDS.filter((k) => k !== 'production');
      expect((await rowsOf(p.projectId)).map((r) => [r.position, r.step, r.assignee_user_id])).toEqual(
        open.map((kind, i) => [i, `construction.milestone:${kind}`, TASK_PEOPLE.psb2.userId]),
      );

      p.step((s, at) => completeMilestone(s, { kind: 'company_registration', completedOn: day(0), evidence: '营业执照' }, TASK_PEOPLE.psb2, at), 6.5);
      await projectLast();
      expect((await brief(p)).map(([, step]) => step)).toEqual(open.slice(1).map((k) => `construction.milestone:${k}`));

      for (const kind of open.slice(1)) {
        p.step((s, at) => completeMilestone(s, { kind, completedOn: day(0), evidence: '验收单' }, TASK_PEOPLE.psb2, at), 6.6);
        await projectLast();
      }
      expect(await brief(p)).toEqual([['project', 'construction.record_production', 'construction']]);
      p.step((s, at) => recordProduction(s, { actualDate: day(0), evidence: '投产仪式' }, TASK_PEOPLE.psb2, at), 7);
      await projectLast();
      expect(await brief(p)).toEqual([['project', 'fulfilment.check', 'service']]);

      // A service request: its own rows, under the project's stage, moved by its own steps.
      const at = t0 + 7.5 * HOUR_MS;
      const r = new RequestSteps(p.state, at);
      const requestLast = () => run(request(p, r, r.steps[r.steps.length - 1]));
      await requestLast();
      expect(await brief(p)).toEqual([
        ['project', 'fulfilment.check', 'service'],
        ['request', `service.accept:${r.requestId}`, 'service'],
      ]);
      r.step((s) => acceptServiceRequest(s, {}, TASK_PEOPLE.esb, at + 1));
      await requestLast();
      expect(await brief(p)).toEqual([
        ['project', 'fulfilment.check', 'service'],
        ['request', `service.resolve:${r.requestId}`, 'service'],
      ]);

      // The contract terminated: the project waits for nothing; its open request keeps its task, under the new stage.
      p.step((s, when) => terminateContract(s, { reason: '企业经营困难', approver: '管委会主任' }, TASK_PEOPLE.leader, when), 8);
      await projectLast();
      expect(await brief(p)).toEqual([['request', `service.resolve:${r.requestId}`, 'terminated']]);

      r.step((s) => resolveServiceRequest(s, { resolution: '已办结' }, TASK_PEOPLE.esb, at + 2));
      await requestLast();
      expect(await brief(p)).toEqual([['request', `service.rate:${r.requestId}`, 'terminated']]);
      r.step((s) => rateServiceRequest(s, { rating: 'satisfied' }, TASK_PEOPLE.esb, at + 3));
      await requestLast();
      expect(await rowsOf(p.projectId)).toEqual([]);
    });
  });

  describe('the migration', () => {
    it('creates the table for zs_app and backfills it from the read models; the backfill is idempotent and repairs', async () => {
      const written = await allRows();
      expect(written.length).toBeGreaterThan(30);

      const superuser = createDataSource({ url: db.superuserUrl, poolSize: 1 });
      await superuser.initialize();
      const runner = superuser.createQueryRunner();
      try {
        const Migration = MIGRATIONS.find((m) => m.name === 'PendingTasks1763902000000')!;
        await new Migration().down(runner);
        expect(await runner.query(`SELECT to_regclass('pending_tasks') AS t`)).toEqual([{ t: null }]);
        // An existing database: projects and service requests, no tasks; then the migration and the grants (runMigrations).
        await new Migration().up(runner);
        await applyDatabaseRoles(runner);
      } finally {
        await runner.release();
        await superuser.destroy();
      }
      expect(await allRows()).toEqual(written);

      // A stale row and a missing one (say, written by an older derivation): a run puts it right, in batches.
      const planned = fixture('construction, planned').state.projectId;
      const signing = fixture('signing').state.projectId;
      await ds.query(`DELETE FROM pending_tasks WHERE project_id = $1`, [planned]);
      await ds.query(
        `INSERT INTO pending_tasks (project_id, position, step, step_label, company_name, stage, assignee_role) VALUES ($1, 1, 'intake.decide', 'x', 'x', 'intake', 'intake_task_force')`,
        [signing],
      );
      expect(await allRows()).not.toEqual(written);
      expect(await backfillPendingTasks(ds, 2)).toBe(written.length);
      expect(await allRows()).toEqual(written);
      expect(await backfillPendingTasks(ds)).toBe(written.length);
      expect(await allRows()).toEqual(written);

      sources.clear();
      for (const viewer of VIEWERS) {
        const expected = await derivedQueue(viewer, {}, T0 + 3 * DAY_MS);
        expect(await sqlQueue(viewer, {}, T0 + 3 * DAY_MS, 100)).toEqual({ items: expected, total: expected.length });
      }
    });
  });
});
