import type { WorkflowHandle } from '@temporalio/client';
import {
  assignCommissionerUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  establishMilestonePlanUpdate,
  projectStateQuery,
  signContractUpdate,
} from '@zs/contracts';
import {
  addDays,
  DEFAULT_POLICIES,
  endOfShanghaiDay,
  MILESTONE_KINDS,
  pendingTasks,
  shanghaiDate,
  type Actor,
  type InfoGrade,
  type MilestoneKind,
  type PolicyKey,
  type ProjectState,
  type SlaPolicyDefinition,
  type VersionedSlaPolicy,
} from '@zs/domain';
import { createSlaPolicyVersion } from '@zs/persistence';
import { eventually } from '../support/eventually';
import { acceptingTaskEvents, markersOf } from '../support/history-markers';
import { driveToService } from '../support/lifecycle-journey';
import { notificationsOf } from '../support/read-model';
import { sampleContract } from '../support/sample-contract';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { projectedState } from '../support/projected';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ADMIN: Actor = { userId: 'u-test-admin', role: 'admin' };
const PSB: Actor = { userId: 'u-psb', role: 'project_service_bureau', displayName: '刘洋' };
/** The commissioner PSB names: only they (or zone leadership) take the construction steps. */
const COMMISSIONER: Actor = { userId: 'u-zhang', role: 'project_service_bureau', displayName: '张专员' };

/**
 * Cadences as policies on the time-skipping server: the follow-up cadence, a node's escalation
 * ladder and the fulfilment check period are those of the policy version in force when their step
 * starts them (acceptance, the plan, production); cadences started earlier keep theirs.
 */
describe('cadence policies (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  /** Adds a version of `key` for the test; the returned restore appends the seeded definition again (the database is shared). */
  async function newVersion(key: PolicyKey, definition: SlaPolicyDefinition) {
    const created = await createSlaPolicyVersion(h.dataSource, key, definition, ADMIN, 'test: cadence policy');
    return { version: created.version, restore: () => createSlaPolicyVersion(h.dataSource, key, DEFAULT_POLICIES[key].definition, ADMIN, 'test: restore the seeded policy') };
  }
  const sleepUntil = async (ms: number) => {
    const now = await h.env.currentTimeMs();
    if (ms > now) await h.env.sleep(ms - now);
  };
  const alerts = async (projectId: string, clock: string) =>
    (await notificationsOf(h.dataSource, projectId)).filter((n) => n.dedupe_key.includes(`:${clock}:`)).map((n) => `${n.kind}:${n.level}:${n.recipient_role}:${n.recipient_user_id ?? '-'}`);
  const waitForAlerts = (projectId: string, clock: string, count: number) =>
    eventually(`${count} ${clock} alerts`, async () => {
      const rows = await alerts(projectId, clock);
      return rows.length >= count ? rows : undefined;
    });
  const readModelState = async (projectId: string): Promise<ProjectState> => (await h.dataSource.query(`SELECT state FROM projects WHERE id = $1`, [projectId]))[0].state;

  async function accepted(grade: InfoGrade) {
    const { projectId, handle } = await h.register({ infoGrade: grade });
    const { state } = await handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    await projectedState(h.dataSource, handle);
    return { projectId, handle: handle as WorkflowHandle, acceptedAt: state.intake.decision!.decidedAt, followUp: state.negotiation!.followUp };
  }

  const acceptingTaskMarkers = async (handle: WorkflowHandle) => markersOf(acceptingTaskEvents((await handle.fetchHistory()).events ?? [], decideIntakeUpdate.name));

  it('a decision that carries the policies of the cadence it starts (as the API sends them) takes them, without a local activity; one without reads them in the task', async () => {
    const given: VersionedSlaPolicy = {
      key: 'follow_up:A',
      clock: 'follow_up',
      version: 9_999,
      duration: { unit: 'hours', hours: 30 },
      warnings: [],
      escalations: [{ afterBreachHours: 0, notify: 'responsible' }],
    };
    const carried = await h.register({ infoGrade: 'A' });
    const { state } = await carried.handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' }, policies: [given] }] });
    expect(state.negotiation!.followUp).toMatchObject({ cadenceMs: 30 * HOUR, ladder: { policyKey: 'follow_up:A', policyVersion: 9_999 } });
    const carriedMarkers = await acceptingTaskMarkers(carried.handle as WorkflowHandle);
    expect(carriedMarkers).toContain('step-policies-v1');
    expect(carriedMarkers).not.toContain('core_local_activity');

    // Policies of another cadence than the one the step starts: read in the task, as before.
    const other = await h.register({ infoGrade: 'A' });
    const read = await other.handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' }, policies: [{ ...given, key: 'follow_up:B' }] }] });
    expect(read.state.negotiation!.followUp.ladder).toMatchObject({ policyKey: 'follow_up:A' });
    expect(read.state.negotiation!.followUp.ladder!.policyVersion).not.toBe(9_999);
    const readMarkers = await acceptingTaskMarkers(other.handle as WorkflowHandle);
    expect(readMarkers).toContain('core_local_activity');
    expect(readMarkers).not.toContain('step-policies-v1');
    await Promise.all([projectedState(h.dataSource, carried.handle), projectedState(h.dataSource, other.handle)]);
  });

  it('a new follow_up:B version (12 h) sets the cadence of projects accepted afterwards; one accepted before keeps 48 h', async () => {
    const before = await accepted('B');
    const v2 = await newVersion('follow_up:B', {
      duration: { unit: 'hours', hours: 12 },
      warnings: [],
      escalations: [
        { afterBreachHours: 0, notify: 'responsible' },
        { afterBreachHours: 24, notify: 'economic_cooperation_bureau_head' },
      ],
    });
    try {
      const after = await accepted('B');
      expect(before.followUp).toMatchObject({ cadenceMs: 48 * HOUR, ladder: { policyKey: 'follow_up:B' } });
      expect(before.followUp.ladder!.policyVersion).toBeLessThan(v2.version);
      expect(after.followUp).toMatchObject({ cadenceMs: 12 * HOUR, ladder: { policyKey: 'follow_up:B', policyVersion: v2.version } });
      // GET /tasks derives from the read model: it shows the same due time.
      const [task] = pendingTasks(await readModelState(after.projectId), after.acceptedAt);
      expect(task).toMatchObject({ step: 'negotiation.follow_up', deadlineAt: after.acceptedAt + 12 * HOUR });

      const REMINDER = `follow_up.reminder:0:investment_officer:${OFFICER.userId}`;
      const THIRD = [`follow_up.reminder:1:investment_officer:${OFFICER.userId}`, 'sla.escalated:1:economic_cooperation_bureau_head:-'];
      await sleepUntil(after.acceptedAt + 12 * HOUR - MIN);
      expect(await alerts(after.projectId, 'follow_up')).toEqual([]);
      await sleepUntil(after.acceptedAt + 12 * HOUR);
      expect(await waitForAlerts(after.projectId, 'follow_up', 1)).toEqual([REMINDER]);
      // The third miss in a row (36 h) reaches the bureau head.
      await sleepUntil(after.acceptedAt + 36 * HOUR);
      expect(await waitForAlerts(after.projectId, 'follow_up', 4)).toEqual([REMINDER, REMINDER, ...THIRD]);

      expect(await alerts(before.projectId, 'follow_up')).toEqual([]);
      await sleepUntil(before.acceptedAt + 48 * HOUR);
      expect(await waitForAlerts(before.projectId, 'follow_up', 1)).toEqual([REMINDER]);
    } finally {
      await v2.restore();
    }
  });

  /** A project in construction with a plan whose company registration is due on `dueOn` (and `also` as given), every other node far away. */
  async function planned(dueOn: (today: string) => string, also: Partial<Record<MilestoneKind, (today: string) => string>> = {}) {
    const { projectId, handle, acceptedAt } = await accepted('A');
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    const today = shanghaiDate(acceptedAt);
    const far = addDays(today, 400);
    // Signed on the registration day (accepted right after registering): nothing may be dated before it.
    const contract = sampleContract({ signedOn: today, committed: { constructionStart: far, equipmentEntry: far, production: far, firstTax: far } });
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: contract }] });
    await handle.executeUpdate(assignCommissionerUpdate, { args: [{ actor: PSB, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }] });
    const due = dueOn(today);
    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: 'u-zhang', responsibleName: '张专员', dueOn: kind === 'company_registration' ? due : (also[kind]?.(today) ?? far) }));
    const { state } = await handle.executeUpdate(establishMilestonePlanUpdate, { args: [{ actor: COMMISSIONER, command: { nodes } }] });
    return { projectId, handle: handle as WorkflowHandle, due, dueAt: endOfShanghaiDay(due), nodes: state.construction!.nodes, plan: state.construction! };
  }

  it('a milestone policy version with a shorter second level (6 h) is the ladder of plans laid out afterwards', async () => {
    const before = await planned((today) => addDays(today, 1));
    const v2 = await newVersion('milestone:company_registration', {
      duration: { unit: 'due_date' },
      warnings: [],
      escalations: [
        { afterBreachHours: 0, notify: 'responsible' },
        { afterBreachHours: 6, notify: 'project_service_bureau' },
        { afterBreachHours: 168, notify: 'zone_leadership' },
      ],
    });
    try {
      // The same due date for both: only the ladder differs.
      const after = await planned(() => before.due);
      const ladder = (nodes: typeof after.nodes, kind: string) => nodes.find((n) => n.kind === kind)!.ladder!;
      expect(ladder(after.nodes, 'company_registration')).toMatchObject({ policyVersion: v2.version, escalations: [{ afterDueMs: 0 }, { afterDueMs: 6 * HOUR }, { afterDueMs: 7 * DAY }] });
      expect(ladder(before.nodes, 'company_registration')).toMatchObject({ escalations: [{ afterDueMs: 0 }, { afterDueMs: DAY }, { afterDueMs: 7 * DAY }] });
      expect(ladder(after.nodes, 'production')).toMatchObject({ policyKey: 'milestone:production', escalations: [{ notify: 'responsible' }, { afterDueMs: DAY }, { afterDueMs: 7 * DAY }] });

      const LEVEL_1 = 'sla.escalated:1:project_service_bureau:u-zhang';
      const LEVEL_2 = 'sla.escalated:2:project_service_bureau:-';
      await sleepUntil(after.dueAt + 6 * HOUR - MIN);
      expect(await waitForAlerts(after.projectId, 'milestone', 1)).toEqual([LEVEL_1]);
      await sleepUntil(after.dueAt + 6 * HOUR);
      expect(await waitForAlerts(after.projectId, 'milestone', 2)).toEqual([LEVEL_1, LEVEL_2]);
      expect(await alerts(before.projectId, 'milestone')).toEqual([LEVEL_1]);
      await sleepUntil(before.dueAt + DAY);
      expect(await waitForAlerts(before.projectId, 'milestone', 2)).toEqual([LEVEL_1, LEVEL_2]);
    } finally {
      await v2.restore();
    }
  });

  it('a milestone_weekly version (72 h) sends the lists of plans laid out afterwards every 72 h, with the nodes due within 72 h; an earlier plan keeps 7 days', async () => {
    // Due 5 days on (inside the first 72-hour list) and 7 days on (outside it, inside a 7-day one).
    const before = await planned((today) => addDays(today, 9));
    const v2 = await newVersion('milestone_weekly', { duration: { unit: 'hours', hours: 72 }, warnings: [], escalations: [{ afterBreachHours: 0, notify: 'responsible' }] });
    try {
      const after = await planned((today) => addDays(today, 5), { land_handover: (today) => addDays(today, 7) });
      expect(after.plan.weeklyList).toEqual({ policyKey: 'milestone_weekly', policyVersion: v2.version, everyMs: 72 * HOUR });
      expect(before.plan.weeklyList).toMatchObject({ policyKey: 'milestone_weekly', everyMs: 7 * DAY });
      expect(before.plan.weeklyList!.policyVersion).toBeLessThan(v2.version);
      const lists = (projectId: string): Promise<Array<{ to: string; title: string; body: string }>> =>
        h.dataSource.query(`SELECT recipient_user_id AS "to", title, body FROM notifications WHERE project_id = $1 AND kind = 'milestone.weekly' ORDER BY id`, [projectId]);
      const waitForList = (projectId: string) => eventually('a weekly list', async () => ((await lists(projectId)).length ? lists(projectId) : undefined));

      await sleepUntil(after.plan.weeklyAnchorAt + 72 * HOUR - MIN);
      expect(await lists(after.projectId)).toEqual([]);
      await sleepUntil(after.plan.weeklyAnchorAt + 72 * HOUR);
      expect(await waitForList(after.projectId)).toEqual([
        { to: 'u-zhang', title: expect.stringContaining('未来3天到期节点 1 个'), body: `公司注册：${after.due}` },
      ]);

      expect(await lists(before.projectId)).toEqual([]);
      await sleepUntil(before.plan.weeklyAnchorAt + 7 * DAY - MIN);
      expect(await lists(before.projectId)).toEqual([]);
      await sleepUntil(before.plan.weeklyAnchorAt + 7 * DAY);
      expect(await waitForList(before.projectId)).toEqual([{ to: 'u-zhang', title: expect.stringContaining('未来7天到期节点 1 个'), body: `公司注册：${before.due}` }]);
    } finally {
      await v2.restore();
    }
  });

  it('a fulfilment_check version (30 days, then leadership 48 h after) sets the checks of projects reaching production afterwards', async () => {
    const v2 = await newVersion('fulfilment_check', {
      duration: { unit: 'hours', hours: 30 * 24 },
      warnings: [],
      escalations: [
        { afterBreachHours: 0, notify: 'enterprise_service_bureau' },
        { afterBreachHours: 48, notify: 'zone_leadership' },
      ],
    });
    try {
      const startedBefore = await h.env.currentTimeMs();
      const { projectId, handle } = await driveToService(h);
      const { fulfilment } = (await handle.query(projectStateQuery)).state;
      expect(fulfilment!.schedule).toMatchObject({ policyKey: 'fulfilment_check', policyVersion: v2.version, everyMs: 30 * DAY });
      const due = fulfilment!.nextCheckDueAt;
      expect(due - startedBefore).toBeGreaterThanOrEqual(30 * DAY);
      expect(due - (await h.env.currentTimeMs())).toBeLessThanOrEqual(30 * DAY);

      await sleepUntil(due - MIN);
      expect(await alerts(projectId, 'fulfilment')).toEqual([]);
      await sleepUntil(due);
      expect(await waitForAlerts(projectId, 'fulfilment', 1)).toEqual(['fulfilment.due:0:enterprise_service_bureau:-']);
      await sleepUntil(due + 48 * HOUR);
      expect(await waitForAlerts(projectId, 'fulfilment', 2)).toEqual(['fulfilment.due:0:enterprise_service_bureau:-', 'fulfilment.due:1:zone_leadership:-']);
    } finally {
      await v2.restore();
    }
  });
});
