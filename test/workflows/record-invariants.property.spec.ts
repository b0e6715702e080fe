import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  assignCommissionerUpdate,
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  establishMilestonePlanUpdate,
  logConstructionProgressUpdate,
  pauseProjectClockUpdate,
  projectStateQuery,
  provideIntakeInfoUpdate,
  rebaselinePlanUpdate,
  recalculateSlaSignal,
  recordNegotiationContactUpdate,
  resumeProjectClockUpdate,
  signContractUpdate,
  splitAnswer,
  type ProjectSnapshot,
  type StepUpdate,
} from '@zs/contracts';
import { latestPolicyVersions, writeProjectionBatch } from '@zs/persistence';
import {
  activeElapsedMs,
  addDays,
  endOfShanghaiDay,
  MILESTONE_KINDS,
  milestoneEscalationsOf,
  nextFollowUpDueAt,
  POLICY_KEYS,
  shanghaiDate,
  weeklyListEveryMs,
  type Actor,
  type InfoGrade,
  type MilestoneKind,
  type ProjectState,
  type SlaClock,
  type VersionedSlaPolicy,
} from '@zs/domain';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { eventually } from '../support/eventually';
import { datesFrom } from '../support/relative-dates';
import { sampleContract } from '../support/sample-contract';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * Issue 8, "the record can be trusted", as a property on the time-skipping server (real worker,
 * real activities, the test PostgreSQL). Each generated schedule brings a few projects to a
 * stage (intake, negotiation, construction with a plan whose due dates are past, today and
 * future), then plays rounds of concurrent staff steps (some of which must be refused),
 * recalculation signals and time skips (random lengths up to a week, or to the exact next
 * threshold, follow-up or escalation rung of a project: at it, 1 ms after it, or a minute
 * before). The steps of a round race each other, the transitions a skip's timers set off (still
 * being recorded when the round starts) and the rungs already due when a plan or re-baseline
 * lands (recorded one after another with no timer). RECORD_PROPERTY_CONCURRENT_SKIPS=1 also
 * skips time while steps are in flight; the time-skipping server then often wedges a workflow
 * (see WedgedByTestServer) and those runs are discarded, so it is not the default.
 * After the schedule, for every project: the audit log is seq 1..n with no gap or duplicate;
 * each accepted step has exactly one event with its update id and each refused step none; no
 * escalation twice for a node, level and due date; threshold/escalation events match what the
 * workflow's state says fired; the read model equals the workflow's projectState query.
 *
 * RECORD_PROPERTY_RUNS (default 200) schedules, played two at a time (LANES); RECORD_PROPERTY_SEED
 * replays a seed (printed at the start and in a failure); RECORD_PROPERTY_SHRINK=1 shrinks a
 * failure (slow); RECORD_PROPERTY_TIMING=1 prints each schedule's duration.
 * `npm run test:soak` runs 3000 (RECORD_PROPERTY_RUNS=… npm run test:soak for another number).
 */

/**
 * Before any harness: the worker runtime's native log, forwarded here, so the time-skipping
 * server's refusal that wedges a workflow (see WedgedByTestServer) is seen the moment it happens.
 * Everything at WARN and above is printed as before.
 */
const testServerRefusals: number[] = [];
try {
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      if (/invalid history builder state for action/.test(`${entry.message} ${JSON.stringify(entry.meta ?? {})}`)) testServerRefusals.push(Date.now());
      // The heartbeat-capability notice of every time-skipping worker is noise.
      if (!/activity_failure_include_heartbeat/.test(entry.message)) process.stderr.write(`[worker ${entry.level}] ${entry.message} ${entry.meta ? JSON.stringify(entry.meta) : ''}\n`);
    }),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN', other: 'WARN' }), forward: {} } },
  });
} catch {
  // A runtime is already installed in this process (another file ran first): only the stuck-step diagnosis is left.
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const RUNS = intFromEnv('RECORD_PROPERTY_RUNS', 200);
const SEED = intFromEnv('RECORD_PROPERTY_SEED', (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0);
const SHRINK = process.env.RECORD_PROPERTY_SHRINK === '1';
/** A fresh time-skipping server every so many schedules: each skips days, and the server keeps every workflow in memory. */
const FRESH_SERVER_EVERY = 250;

const PSB: Actor = { userId: 'u-psb', role: 'project_service_bureau', displayName: '刘洋' };
const LEADER: Actor = { userId: 'u-leader', role: 'zone_leadership', displayName: '管委会领导' };
/**
 * Who takes construction steps here: zone leadership, the head who may act whatever commissioner the
 * random schedule has named (access/step-rules.ts); the bureau names only the first commissioner.
 */
const BUREAU_HEAD: Actor = LEADER;
const ADMIN: Actor = { userId: 'u-admin', role: 'admin', displayName: '管理员' };
const RESPONSIBLE = { responsibleUserId: 'u-zhang', responsibleName: '张专员' };

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got ${raw}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Schedules
// ---------------------------------------------------------------------------------------------

type StartStage = 'intake' | 'negotiation' | 'construction';

interface ProjectSpec {
  stage: StartStage;
  grade: InfoGrade;
  /** Construction: each node's due date in days from today (negative: past), in MILESTONE_KINDS order. */
  dueOffsets: number[];
  /** Construction: the commissioner is named at set-up (else the commissioner clock runs, pausable). */
  commissioner: boolean;
  /** Construction: the plan is laid out in the first round, concurrently with its steps, instead of before. */
  planInFirstRound: boolean;
}

type OpKind =
  // intake
  | 'accept'
  | 'reject'
  | 'request_info'
  | 'provide_info'
  // negotiation
  | 'contact'
  | 'proceed'
  // construction
  | 'complete'
  | 'progress'
  | 'rebaseline'
  | 'assign_commissioner'
  // clocks
  | 'pause'
  | 'resume'
  | 'recalculate'
  // refused whatever the state
  | 'refuse_wrong_role'
  | 'refuse_wrong_stage'
  | 'refuse_production_as_milestone'
  | 'refuse_future_progress'
  | 'refuse_blank_reason'
  | 'refuse_closed_clock';

interface Op {
  p: number;
  kind: OpKind;
  /** Small parameters the executor reads as it needs (a node, days back, a clock, a request to repeat…). */
  x: number;
  y: number;
}

type Skip = { kind: 'fixed'; ms: number } | { kind: 'boundary'; p: number; deltaMs: number };

interface Round {
  ops: Op[];
  skip: Skip | null;
  /** The skip runs while this round's steps are in flight (timers fire among them). */
  skipDuringSteps: boolean;
}

interface Schedule {
  projects: ProjectSpec[];
  rounds: Round[];
}

const OPS_BY_STAGE: Record<StartStage, Array<{ arbitrary: fc.Arbitrary<OpKind>; weight: number }>> = {
  intake: [
    { arbitrary: fc.constantFrom<OpKind>('request_info', 'provide_info', 'pause', 'resume'), weight: 6 },
    { arbitrary: fc.constantFrom<OpKind>('accept', 'reject'), weight: 1 },
    { arbitrary: fc.constantFrom<OpKind>('contact', 'recalculate'), weight: 2 },
    { arbitrary: fc.constantFrom<OpKind>('refuse_wrong_role', 'refuse_blank_reason'), weight: 1 },
  ],
  negotiation: [
    { arbitrary: fc.constant<OpKind>('contact'), weight: 6 },
    { arbitrary: fc.constant<OpKind>('proceed'), weight: 1 },
    { arbitrary: fc.constant<OpKind>('recalculate'), weight: 1 },
    { arbitrary: fc.constantFrom<OpKind>('refuse_wrong_role', 'refuse_wrong_stage', 'refuse_closed_clock', 'refuse_blank_reason'), weight: 2 },
  ],
  construction: [
    { arbitrary: fc.constant<OpKind>('complete'), weight: 6 },
    { arbitrary: fc.constant<OpKind>('progress'), weight: 5 },
    { arbitrary: fc.constant<OpKind>('rebaseline'), weight: 3 },
    { arbitrary: fc.constantFrom<OpKind>('pause', 'resume'), weight: 3 },
    { arbitrary: fc.constantFrom<OpKind>('assign_commissioner', 'recalculate'), weight: 1 },
    {
      arbitrary: fc.constantFrom<OpKind>('refuse_wrong_role', 'refuse_wrong_stage', 'refuse_production_as_milestone', 'refuse_future_progress', 'refuse_blank_reason', 'refuse_closed_clock'),
      weight: 2,
    },
  ],
};

const projectSpecArb = (stage: fc.Arbitrary<StartStage>): fc.Arbitrary<ProjectSpec> =>
  fc.record({
    stage,
    grade: fc.constantFrom<InfoGrade>('A', 'B', 'C'),
    // One node past due (up to 9 days: every rung of the ladder), one due today, one in the future; the rest anywhere.
    dueOffsets: fc
      .tuple(fc.integer({ min: -9, max: -1 }), fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: -9, max: 10 }), { minLength: 6, maxLength: 6 }))
      .chain(([past, today, future, rest]) => fc.shuffledSubarray([past, today, future, ...rest], { minLength: 9, maxLength: 9 })),
    commissioner: fc.boolean(),
    planInFirstRound: fc.boolean(),
  });

const FIXED_SKIPS = [1, MIN, HOUR, 6 * HOUR, 12 * HOUR, DAY - 1, DAY, DAY + 1, 36 * HOUR, 2 * DAY];

function skipArb(projects: number): fc.Arbitrary<Skip> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...FIXED_SKIPS).map((ms): Skip => ({ kind: 'fixed', ms })), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 2 * DAY }).map((ms): Skip => ({ kind: 'fixed', ms })), weight: 2 },
    // Now and then a week and more: the weekly lists and the last rung of the ladder.
    { arbitrary: fc.constantFrom(3 * DAY, 7 * DAY + 1).map((ms): Skip => ({ kind: 'fixed', ms })), weight: 1 },
    {
      // At the instant, a millisecond after, or a minute before (nothing fires; a later skip crosses it).
      arbitrary: fc.record({ p: fc.nat(projects - 1), deltaMs: fc.constantFrom(0, 1, -MIN) }).map((b): Skip => ({ kind: 'boundary', ...b })),
      weight: 3,
    },
  );
}

function roundArb(specs: ProjectSpec[]): fc.Arbitrary<Round> {
  const opArb: fc.Arbitrary<Op> = fc.nat(specs.length - 1).chain((p) =>
    fc.record({ p: fc.constant(p), kind: fc.oneof(...OPS_BY_STAGE[specs[p].stage]), x: fc.nat(15), y: fc.nat(15) }),
  );
  return fc.record({
    ops: fc.array(opArb, { minLength: 1, maxLength: 6 }),
    skip: fc.option(skipArb(specs.length), { freq: 2 }),
    skipDuringSteps: fc.constant(process.env.RECORD_PROPERTY_CONCURRENT_SKIPS === '1').chain((on) => (on ? fc.boolean() : fc.constant(false))),
  });
}

const scheduleArb: fc.Arbitrary<Schedule> = fc
  .tuple(projectSpecArb(fc.constant('construction')), fc.array(projectSpecArb(fc.constantFrom<StartStage>('intake', 'negotiation', 'construction')), { minLength: 0, maxLength: 2 }))
  .map(([first, rest]) => [first, ...rest])
  .chain((projects) => fc.record({ projects: fc.constant(projects), rounds: fc.array(roundArb(projects), { minLength: 2, maxLength: 4 }) }));

// ---------------------------------------------------------------------------------------------
// Driving a schedule
// ---------------------------------------------------------------------------------------------

interface StepRecord {
  projectIndex: number;
  kind: string;
  updateId: string;
  mustRefuse: boolean;
  outcome: 'accepted' | 'refused';
  failureType: string | null;
  milestone?: MilestoneKind;
}

interface LiveProject {
  spec: ProjectSpec;
  index: number;
  projectId: string;
  handle: WorkflowHandle;
  /** The lead's registration day (Asia/Shanghai): nothing a step dates may precede it (issue 10). */
  registeredOn: string;
  signedOn: string | null;
  /** Every due date each node has had or been asked to have: a re-baseline always picks a new one. */
  usedDueDates: Map<MilestoneKind, Set<string>>;
  /** Recalculation request ids sent (some are sent again, as a retried signal would be). */
  recalculations: string[];
}

interface ScheduleContext {
  h: TimeSkippingHarness;
  run: string;
  steps: StepRecord[];
  projects: LiveProject[];
  /** The time-skipping server wedged one of its workflows: the schedule is discarded. */
  wedged?: boolean;
}

/** A step that has no answer after this long is stuck (on this server a step answers within a second). */
const STEP_ANSWER_MS = intFromEnv('RECORD_PROPERTY_STEP_MS', 30_000);

async function withinMs<T>(work: Promise<T>, ms: number, onTimeout: () => Promise<Error>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => void onTimeout().then(reject, reject), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A defect of the time-skipping test server, not of the engine: when a timer fires while a
 * workflow task that cancels that very timer is in flight (a step's task while the server skips
 * time, or a timer due a few milliseconds after a skip ended), the server refuses the task's completion with INVALID_ARGUMENT "invalid history builder
 * state for action" (the worker logs it) yet keeps half of it (the update counts as accepted),
 * and forgets the started task: no pending task, no task timeout, and a new task fails with
 * "Already accepted update". The workflow can never move again. (The dev and production servers
 * drop the buffered TimerFired instead.) Its signature, which no workflow code can produce: the
 * history ends with a started workflow task that the server's description no longer has.
 */
class WedgedByTestServer extends Error {
  constructor(readonly workflowId: string) {
    super(`${workflowId} was wedged by the time-skipping test server (a timer fired while the task cancelling it was in flight)`);
  }
}

async function wedged(handle: WorkflowHandle): Promise<boolean> {
  try {
    const { status, raw } = await handle.describe();
    if (status.name !== 'RUNNING' || raw.pendingWorkflowTask) return false;
    const events = (await handle.fetchHistory()).events ?? [];
    if (!events.at(-1)?.workflowTaskStartedEventAttributes) return false;
    // Seen twice a second apart: not a task caught between its start and the description.
    await new Promise((r) => setTimeout(r, 1_000));
    const again = await handle.describe();
    const later = (await handle.fetchHistory()).events ?? [];
    return !again.raw.pendingWorkflowTask && later.length === events.length;
  } catch {
    return false;
  }
}

/** Rejects with WedgedByTestServer as soon as one of the schedule's workflows is wedged (checked every 2 s); `stop` ends the watch. */
function watchForWedge(ctx: ScheduleContext): { wedge: Promise<never>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refusalsBefore = testServerRefusals.length;
  let slowTicks = 0;
  const wedge = new Promise<never>((_, reject) => {
    const tick = async () => {
      if (stopped) return;
      if (testServerRefusals.length > refusalsBefore) return reject(new WedgedByTestServer('a workflow of this schedule'));
      // Without the forwarded log (another runtime was installed first): the history signature, now and then.
      if (++slowTicks % 10 === 0) {
        for (const p of [...ctx.projects]) if (await wedged(p.handle)) return reject(new WedgedByTestServer(p.handle.workflowId));
      }
      if (!stopped) timer = setTimeout(() => void tick(), 200);
    };
    timer = setTimeout(() => void tick(), 200);
  });
  wedge.catch(() => undefined);
  return {
    wedge,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Why a workflow does not answer: the failures of its workflow tasks, from its history. */
async function stuck(handle: WorkflowHandle, what: string): Promise<Error> {
  let detail = '';
  try {
    const history = await handle.fetchHistory();
    const failures = (history.events ?? [])
      .filter((e) => e.workflowTaskFailedEventAttributes)
      .map((e) => `#${e.eventId}: ${e.workflowTaskFailedEventAttributes!.failure?.message ?? '?'}`);
    detail = failures.length ? `; workflow task failures: ${[...new Set(failures.map((f) => f.replace(/^#\d+: /, '')))].join(' | ')} (${failures.length} in all)` : `; no workflow task failure in its ${(history.events ?? []).length} history events`;
  } catch (err) {
    detail = `; history unavailable: ${String(err)}`;
  }
  return new Error(`${what} on ${handle.workflowId} had no answer after ${STEP_ANSWER_MS} ms${detail}`);
}

const failureTypeOf = (err: unknown): string | null => {
  // A project that has ended (rejected, lost) takes no more steps: the server refuses the update.
  if (err instanceof WorkflowNotFoundError) return 'WORKFLOW_CLOSED';
  if (!(err instanceof WorkflowUpdateFailedError)) return null;
  return ((err.cause as { type?: string } | undefined)?.type ?? 'unknown') as string;
};

/** Sends one step with an update id of its own and records whether it was accepted or refused. */
async function sendStep<C>(
  ctx: ScheduleContext,
  project: LiveProject,
  update: UpdateDefinition<ProjectSnapshot, [StepUpdate<C>]>,
  actor: Actor,
  command: C,
  meta: { kind: string; mustRefuse?: boolean; milestone?: MilestoneKind },
): Promise<ProjectSnapshot | null> {
  const updateId = `${ctx.run}:${meta.kind}:${randomUUID()}`;
  // Every other step carries the current policies, as the API sends the ones it foresees (a
  // superset here): a cadence it starts takes them from the step; the rest read them in the task.
  const policies = ctx.steps.length % 2 === 1 ? ((await latestPolicyVersions(ctx.h.dataSource, POLICY_KEYS)).filter(Boolean) as VersionedSlaPolicy[]) : undefined;
  const record: StepRecord = { projectIndex: project.index, kind: meta.kind, updateId, mustRefuse: meta.mustRefuse ?? false, outcome: 'refused', failureType: null, milestone: meta.milestone };
  ctx.steps.push(record);
  try {
    const snapshot = await withinMs(project.handle.executeUpdate(update, { args: [{ actor, command, ...(policies ? { policies } : {}) }], updateId }), STEP_ANSWER_MS, () => stuck(project.handle, `step ${meta.kind} (${updateId})`));
    record.outcome = 'accepted';
    // Answer-on-commit: every other accepted step is written from its answer as the API writes it,
    // racing the projection activity, timers and the other steps; the rest are left to the activity
    // alone, as when the API dies between the answer and its write.
    const { batch } = splitAnswer(snapshot);
    // Every answer carries its events through the state it answers with, also when steps of one
    // workflow task apply one after another (else the API would have nothing to write).
    expect({ step: meta.kind, updateId, answered: batch !== null }).toEqual({ step: meta.kind, updateId, answered: true });
    if (batch && ctx.steps.length % 2 === 0) expect(await writeProjectionBatch(ctx.h.dataSource, batch)).toEqual([]);
    return snapshot;
  } catch (err) {
    const type = failureTypeOf(err);
    // Anything but the workflow's refusal (a timeout, a gRPC error) is not a behaviour under test.
    if (type === null) throw err;
    record.failureType = type;
    return null;
  }
}

function milestonePlan(dueOffsets: number[], today: string) {
  return {
    nodes: MILESTONE_KINDS.map((kind, i) => ({ kind, ...RESPONSIBLE, todos: ['准备材料'], dueOn: addDays(today, dueOffsets[i]) })),
  };
}

/**
 * Days from a construction project's registration to its signing on the server's clock: the
 * contract is signed 30 days after the lead came in, and the plan laid out then can have due dates
 * up to ten days past without any of them (nor the signing) preceding the registration (issue 10).
 */
const SIGNED_DAYS_AFTER_REGISTRATION = 30;

type SetUp = { project: LiveProject; planLater: (() => Promise<unknown>) | null };

/**
 * Sets the schedule's projects up. Construction projects go first as far as signing (a stage
 * where no timer runs), then the server's clock moves on SIGNED_DAYS_AFTER_REGISTRATION days at
 * once; only then do the intake and negotiation projects start, so their clocks are untouched by
 * that skip, while the construction projects are signed, handed over and planned.
 */
async function setUpProjects(ctx: ScheduleContext, specs: ProjectSpec[]): Promise<SetUp[]> {
  const register = async (spec: ProjectSpec, index: number): Promise<LiveProject> => {
    const { projectId, handle, snapshot } = await ctx.h.register({ infoGrade: spec.grade, companyName: `性质测试${ctx.run}-${index}有限公司` });
    const project: LiveProject = { spec, index, projectId, handle, registeredOn: datesFrom(snapshot.state.registeredAt).registeredOn, signedOn: null, usedDueDates: new Map(), recalculations: [] };
    ctx.projects.push(project);
    return project;
  };
  const inSigning = await allSettledOrThrow(
    specs.map(async (spec, index) => {
      if (spec.stage !== 'construction') return null;
      const project = await register(spec, index);
      await sendStep(ctx, project, decideIntakeUpdate, TASK_FORCE, { action: 'accept' }, { kind: 'setup:accept' });
      await sendStep(ctx, project, concludeNegotiationUpdate, OFFICER, { outcome: 'proceed' }, { kind: 'setup:proceed' });
      return project;
    }),
  );
  if (inSigning.some(Boolean)) await ctx.h.env.sleep(SIGNED_DAYS_AFTER_REGISTRATION * DAY);
  return allSettledOrThrow(specs.map((spec, index) => (spec.stage === 'construction' ? signAndPlan(ctx, inSigning[index]!) : setUpEarlyProject(ctx, spec, index, register))));
}

async function setUpEarlyProject(ctx: ScheduleContext, spec: ProjectSpec, index: number, register: (spec: ProjectSpec, index: number) => Promise<LiveProject>): Promise<SetUp> {
  const project = await register(spec, index);
  if (spec.stage === 'negotiation') await sendStep(ctx, project, decideIntakeUpdate, TASK_FORCE, { action: 'accept' }, { kind: 'setup:accept' });
  return { project, planLater: null };
}

/** A construction project in signing, SIGNED_DAYS_AFTER_REGISTRATION days after its registration: signed 30 days ago, handed over, planned. */
async function signAndPlan(ctx: ScheduleContext, project: LiveProject): Promise<SetUp> {
  const { spec } = project;
  const today = shanghaiDate(await ctx.h.env.currentTimeMs());
  const signedOn = addDays(today, -SIGNED_DAYS_AFTER_REGISTRATION);
  const far = addDays(today, 400);
  project.signedOn = signedOn;
  await sendStep(ctx, project, signContractUpdate, OFFICER, sampleContract({ signedOn, committed: { constructionStart: far, equipmentEntry: far, production: far, firstTax: far } }), {
    kind: 'setup:sign',
  });
  if (spec.commissioner) {
    await sendStep(ctx, project, assignCommissionerUpdate, PSB, { commissionerUserId: 'u-zhang', commissionerName: '张专员' }, { kind: 'setup:commissioner' });
  }
  const plan = milestonePlan(spec.dueOffsets, today);
  plan.nodes.forEach((n) => project.usedDueDates.set(n.kind, new Set([n.dueOn])));
  const lay = () => sendStep(ctx, project, establishMilestonePlanUpdate, BUREAU_HEAD, plan, { kind: 'plan' });
  if (spec.planInFirstRound) return { project, planLater: lay };
  const laid = await lay();
  if (!laid) throw new Error('the milestone plan was refused at set-up');
  return { project, planLater: null };
}

const nonProductionKinds = MILESTONE_KINDS.filter((k) => k !== 'production');

/**
 * A due date the node has never had. (Re-baselining a node to its current or an earlier due date
 * starts its ladder again and records the same node, level and due date a second time, while the
 * alert's dedupe key drops the second alert: reported with issue 8, see rebaselinePlan in
 * libs/domain/src/project/construction-transitions.ts. The property keeps to new dates so that it
 * tests the concurrency, not that rule.)
 */
function freshDueDate(project: LiveProject, kind: MilestoneKind, today: string, offset: number): string {
  const used = project.usedDueDates.get(kind) ?? new Set<string>();
  let date = addDays(today, offset);
  while (used.has(date) || (project.signedOn && date < project.signedOn)) date = addDays(date, 1);
  used.add(date);
  project.usedDueDates.set(kind, used);
  return date;
}

async function runOp(ctx: ScheduleContext, op: Op, now: number): Promise<void> {
  const project = ctx.projects[op.p];
  const today = shanghaiDate(now);
  // Days back, never before the signing (construction) nor the registration (issue 10).
  const back = (days: number) => {
    const d = addDays(today, -days);
    const earliest = project.signedOn ?? project.registeredOn;
    return d < earliest ? earliest : d;
  };
  const clock = project.spec.stage === 'intake' ? 'intake_decision' : 'commissioner_assignment';
  const pauser = op.y % 2 === 0 ? LEADER : project.spec.stage === 'intake' ? TASK_FORCE : PSB;
  switch (op.kind) {
    case 'accept':
      return void (await sendStep(ctx, project, decideIntakeUpdate, TASK_FORCE, { action: 'accept' }, { kind: 'intake:decide' }));
    case 'reject':
      return void (await sendStep(ctx, project, decideIntakeUpdate, TASK_FORCE, { action: 'reject', reason: '不符合园区产业定位' }, { kind: 'intake:decide' }));
    case 'request_info':
      return void (await sendStep(ctx, project, decideIntakeUpdate, TASK_FORCE, { action: 'request_info', missing: `请补充材料${op.x}` }, { kind: 'intake:request_info' }));
    case 'provide_info':
      return void (await sendStep(ctx, project, provideIntakeInfoUpdate, OFFICER, { response: `已补充${op.x}` }, { kind: 'intake:provide_info' }));
    case 'contact':
      return void (await sendStep(
        ctx,
        project,
        recordNegotiationContactUpdate,
        OFFICER,
        { kind: (['visit', 'site_inspection', 'meeting', 'call'] as const)[op.x % 4], date: back(op.y % 3), participants: '王经理', location: '园区', outcome: `第${op.x}次洽谈` },
        { kind: 'negotiation:contact' },
      ));
    case 'proceed':
      return void (await sendStep(ctx, project, concludeNegotiationUpdate, OFFICER, { outcome: 'proceed' }, { kind: 'negotiation:conclude' }));
    case 'complete': {
      const kind = nonProductionKinds[op.x % nonProductionKinds.length];
      return void (await sendStep(ctx, project, completeMilestoneUpdate, BUREAU_HEAD, { kind, completedOn: back(op.y % 4), evidence: '现场照片及验收单' }, { kind: 'construction:complete', milestone: kind }));
    }
    case 'progress':
      return void (await sendStep(ctx, project, logConstructionProgressUpdate, BUREAU_HEAD, { date: back(op.y % 3), note: `进度${op.x}` }, { kind: 'construction:progress' }));
    case 'rebaseline': {
      const kind = MILESTONE_KINDS[op.x % MILESTONE_KINDS.length];
      const dueOn = freshDueDate(project, kind, today, (op.y % 21) - 5);
      return void (await sendStep(ctx, project, rebaselinePlanUpdate, BUREAU_HEAD, { reason: '月度计划调整', changes: [{ kind, dueOn }] }, { kind: 'construction:rebaseline' }));
    }
    case 'assign_commissioner':
      return void (await sendStep(ctx, project, assignCommissionerUpdate, BUREAU_HEAD, { commissionerUserId: `u-c${op.x}`, commissionerName: `专员${op.x}` }, { kind: 'handover:commissioner' }));
    case 'pause':
      return void (await sendStep(ctx, project, pauseProjectClockUpdate, pauser, { clock, reason: '等待企业补充材料' }, { kind: 'clock:pause' }));
    case 'resume':
      return void (await sendStep(ctx, project, resumeProjectClockUpdate, pauser, { clock, reason: '材料已补齐' }, { kind: 'clock:resume' }));
    case 'recalculate': {
      // Now and then the same request again, as a retried signal.
      const again = op.x % 3 === 0 && project.recalculations.length > 0;
      const requestId = again ? project.recalculations[op.y % project.recalculations.length] : `${ctx.run}-recalc-${randomUUID()}`;
      if (!again) project.recalculations.push(requestId);
      try {
        await project.handle.signal(recalculateSlaSignal, { requestId, scope: op.y % 2 === 0 ? 'policy' : 'calendar', reason: '按最新时限重新计算', actor: ADMIN });
      } catch (err) {
        // A project that ended (rejected, lost) takes no signal, as the recalculation job counts it 'ended'.
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
      return;
    }
    case 'refuse_wrong_role':
      if (project.spec.stage === 'construction') {
        return void (await sendStep(ctx, project, completeMilestoneUpdate, OFFICER, { kind: 'company_registration', completedOn: today, evidence: '越权' }, { kind: 'refuse:role', mustRefuse: true }));
      }
      return void (await sendStep(ctx, project, decideIntakeUpdate, OFFICER, { action: 'accept' }, { kind: 'refuse:role', mustRefuse: true }));
    case 'refuse_wrong_stage':
      // Construction and negotiation never return to an earlier stage.
      if (project.spec.stage === 'construction') {
        return void (await sendStep(ctx, project, recordNegotiationContactUpdate, OFFICER, { kind: 'visit', date: today, participants: '王经理', location: '园区', outcome: '阶段不符' }, { kind: 'refuse:stage', mustRefuse: true }));
      }
      return void (await sendStep(ctx, project, provideIntakeInfoUpdate, OFFICER, { response: '阶段不符' }, { kind: 'refuse:stage', mustRefuse: true }));
    case 'refuse_production_as_milestone':
      return void (await sendStep(ctx, project, completeMilestoneUpdate, BUREAU_HEAD, { kind: 'production', completedOn: today, evidence: '投产' }, { kind: 'refuse:production', mustRefuse: true }));
    case 'refuse_future_progress':
      return void (await sendStep(ctx, project, logConstructionProgressUpdate, BUREAU_HEAD, { date: addDays(today, 60 + (op.x % 5)), note: '未来的进度' }, { kind: 'refuse:future', mustRefuse: true }));
    case 'refuse_blank_reason':
      return void (await sendStep(ctx, project, pauseProjectClockUpdate, pauser, { clock, reason: '   ' }, { kind: 'refuse:blank', mustRefuse: true }));
    case 'refuse_closed_clock':
      // The intake clock closes for good when the project leaves intake.
      return void (await sendStep(ctx, project, pauseProjectClockUpdate, LEADER, { clock: 'intake_decision', reason: '已离开研判阶段' }, { kind: 'refuse:closed-clock', mustRefuse: true }));
  }
}

/** The next instant one of the project's timers is due (threshold, follow-up, escalation rung, weekly list), if any. */
function nextBoundary(state: ProjectState, now: number): number | null {
  const candidates: number[] = [];
  const clockNext = (clock: SlaClock | null | undefined) => {
    if (!clock || clock.stoppedAt !== null || clock.pausedAt !== null || !clock.plan) return;
    const pending = clock.plan.thresholds.find((t) => !clock.fired.includes(t.key));
    if (pending) candidates.push(now + pending.atElapsedMs - activeElapsedMs(clock, now));
  };
  if (state.stage === 'intake') clockNext(state.intake.clock);
  if (state.stage === 'negotiation' && state.negotiation) candidates.push(nextFollowUpDueAt(state.negotiation.followUp));
  if (state.stage === 'construction') {
    if (state.handover && state.handover.commissioner === null) clockNext(state.handover.clock);
    const plan = state.construction;
    if (plan) {
      for (const node of plan.nodes) {
        if (node.completedOn) continue;
        const rung = milestoneEscalationsOf(node).find((e) => !node.escalated.includes(e.level));
        if (rung) candidates.push(endOfShanghaiDay(node.dueOn) + rung.afterDueMs);
      }
      const every = weeklyListEveryMs(plan);
      candidates.push(plan.weeklyAnchorAt + (Math.floor((now - plan.weeklyAnchorAt) / every) + 1) * every);
    }
  }
  const ahead = candidates.filter((t) => t > now);
  return ahead.length ? Math.min(...ahead) : null;
}

async function runSkip(ctx: ScheduleContext, skip: Skip): Promise<void> {
  if (skip.kind === 'fixed') return ctx.h.env.sleep(skip.ms);
  const project = ctx.projects[skip.p];
  const now = await ctx.h.env.currentTimeMs();
  const { state } = await project.handle.query(projectStateQuery);
  const at = nextBoundary(state, now);
  // Nothing ahead within ten days (a closed project): an hour.
  const ms = at === null || at - now > 10 * DAY ? HOUR : at - now + skip.deltaMs;
  if (ms > 0) await ctx.h.env.sleep(ms);
}

/**
 * After a skip, until the workflow tasks of the timers it fired have been picked up: the next
 * steps then run while those transitions are being recorded (projection and alert activities),
 * but no timer fires under a step's own task, which the time-skipping server cannot take (see
 * WedgedByTestServer). Timer-less transitions (a rung already due when a plan or a re-baseline
 * lands) still race the steps freely.
 */
async function tasksPicked(ctx: ScheduleContext): Promise<void> {
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    const pending = await Promise.all(ctx.projects.map(async (p) => !!(await p.handle.describe()).raw.pendingWorkflowTask));
    if (!pending.some(Boolean)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The workflow timers still pending in a project's history, as server instants. */
async function pendingTimers(handle: WorkflowHandle): Promise<number[]> {
  const due = new Map<string, number>();
  for (const e of (await handle.fetchHistory()).events ?? []) {
    const started = e.timerStartedEventAttributes;
    if (started?.timerId) {
      const at = Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
      const d = started.startToFireTimeout;
      due.set(started.timerId, at + Number(d?.seconds ?? 0) * 1000 + Math.floor((d?.nanos ?? 0) / 1e6));
    }
    const ended = e.timerFiredEventAttributes?.timerId ?? e.timerCanceledEventAttributes?.timerId;
    if (ended) due.delete(ended);
  }
  return [...due.values()];
}

/**
 * Before a round's steps: no timer due within the next two seconds (server time, which runs in
 * real time between skips). A skip that lands on a boundary leaves the next timer a few
 * milliseconds ahead; were it to fire under a step's task that cancels it, the time-skipping
 * server would wedge the workflow (see WedgedByTestServer). Such a timer is let fire first.
 */
async function clearRunway(ctx: ScheduleContext): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const now = await ctx.h.env.currentTimeMs();
    const due = (await Promise.all(ctx.projects.map((p) => pendingTimers(p.handle)))).flat().filter((t) => t < now + 2_000);
    if (due.length === 0) return;
    const last = Math.max(...due);
    if (last >= now) await ctx.h.env.sleep(last - now + 1);
    await tasksPicked(ctx);
  }
}

/** Like Promise.all, but waits for every promise before throwing the first failure (nothing left in flight). */
async function allSettledOrThrow<T>(work: Array<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

async function runSchedule(ctx: ScheduleContext, schedule: Schedule): Promise<void> {
  const setUp = await setUpProjects(ctx, schedule.projects);
  // Set-up finished concurrently: the projects in the order of the schedule.
  ctx.projects.sort((a, b) => a.index - b.index);
  for (const [i, round] of schedule.rounds.entries()) {
    await clearRunway(ctx);
    const now = await ctx.h.env.currentTimeMs();
    const work: Array<Promise<unknown>> = round.ops.map((op) => runOp(ctx, op, now));
    if (i === 0) for (const { planLater } of setUp) if (planLater) work.unshift(planLater());
    if (round.skip && round.skipDuringSteps) work.push(runSkip(ctx, round.skip));
    await allSettledOrThrow(work);
    if (round.skip && !round.skipDuringSteps) {
      await runSkip(ctx, round.skip);
      await tasksPicked(ctx);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The record's invariants
// ---------------------------------------------------------------------------------------------

interface AuditEventRow {
  seq: number;
  action: string;
  actor_id: string;
  stage_before: string | null;
  stage_after: string;
  payload: Record<string, any>;
  update_id: string | null;
}

interface Settled {
  state: ProjectState;
  audit: AuditEventRow[];
  readModel: { stage: string; last_seq: number; state: ProjectState };
}

/** A query the worker cannot answer because replaying the history diverges: a verdict, not something to wait out. */
class NondeterministicReplay extends Error {}
/** Schedules discarded because a replay diverged (see playSchedule). */
const replayDivergences: string[] = [];

async function queryState(handle: WorkflowHandle): Promise<ProjectState> {
  try {
    return (await handle.query(projectStateQuery)).state;
  } catch (err) {
    if (!/Nondeterminism/i.test(String(err))) throw err;
    const history = await handle.fetchHistory().catch(() => null);
    if (history && process.env.RECORD_PROPERTY_DUMP) writeFileSync(join(process.env.RECORD_PROPERTY_DUMP, `${handle.workflowId}.json`), JSON.stringify(history, null, 1));
    throw new NondeterministicReplay(`${handle.workflowId}: replaying its ${history?.events?.length ?? '?'} history events fails: ${String(err)}`);
  }
}

/**
 * The workflow's state and the database once the projection has caught up with it: the state
 * read twice around the database read, unchanged, and the read model at its sequence number.
 */
async function settle(h: TimeSkippingHarness, handle: WorkflowHandle): Promise<Settled> {
  let verdict: NondeterministicReplay | null = null;
  const result = await eventually(
    `the projection of ${handle.workflowId} to catch up with its workflow`,
    async () => {
      if (verdict) return null;
      const before = await queryState(handle).catch((err) => {
        if (err instanceof NondeterministicReplay) verdict = err;
        throw err;
      });
      const [readModel]: Settled['readModel'][] = await h.dataSource.query(`SELECT stage, last_seq, state FROM projects WHERE workflow_id = $1`, [handle.workflowId]);
      const audit: AuditEventRow[] = await h.dataSource.query(
        `SELECT seq, action, actor_id, stage_before, stage_after, payload, update_id FROM audit_events WHERE workflow_id = $1 ORDER BY seq, id`,
        [handle.workflowId],
      );
      const after = await queryState(handle);
      if (before.seq !== after.seq || !readModel || readModel.last_seq !== after.seq || audit.length < after.seq) return undefined;
      return { state: after, audit, readModel };
    },
    20_000,
  );
  if (verdict || !result) throw verdict ?? new Error(`no state for ${handle.workflowId}`);
  return result;
}

const THRESHOLD_ACTIONS = new Set(['sla.warning', 'sla.escalated']);
const FOLLOW_UP_ACTIONS = new Set(['negotiation.follow_up_missed', 'negotiation.follow_up_escalated']);

function duplicates<T>(values: T[]): T[] {
  const seen = new Set<string>();
  const dups: T[] = [];
  for (const v of values) {
    const key = JSON.stringify(v);
    if (seen.has(key)) dups.push(v);
    seen.add(key);
  }
  return dups;
}

/** Every invariant of the record for one project, from its settled state and audit log and the steps sent to it. */
function checkRecord(label: string, { state, audit, readModel }: Settled, steps: StepRecord[]): void {
  const where = (what: string) => `${label}: ${what}`;

  // 1. seq exactly 1..n, no gap, no duplicate; n is the workflow's sequence.
  expect({ where: where('audit seqs'), seqs: audit.map((e) => e.seq) }).toEqual({ where: where('audit seqs'), seqs: Array.from({ length: state.seq }, (_, i) => i + 1) });
  // Each event starts in the stage the previous one ended in; the last ends in the workflow's stage.
  for (let i = 1; i < audit.length; i++) expect({ where: where(`stage chain at seq ${audit[i].seq}`), before: audit[i].stage_before }).toEqual({ where: where(`stage chain at seq ${audit[i].seq}`), before: audit[i - 1].stage_after });
  expect({ where: where('last stageAfter'), stage: audit.at(-1)?.stage_after }).toEqual({ where: where('last stageAfter'), stage: state.stage });

  // 2. The read model is the workflow's state.
  expect({ where: where('read model'), stage: readModel.stage, lastSeq: readModel.last_seq }).toEqual({ where: where('read model'), stage: state.stage, lastSeq: state.seq });
  expect(readModel.state).toEqual(JSON.parse(JSON.stringify(state)));

  // 3. Each accepted step exactly one event with its update id; a refused step none; no event of an update not accepted.
  const byUpdate = new Map<string, number>();
  for (const e of audit) if (e.update_id) byUpdate.set(e.update_id, (byUpdate.get(e.update_id) ?? 0) + 1);
  const accepted = steps.filter((s) => s.outcome === 'accepted');
  const refused = steps.filter((s) => s.outcome === 'refused');
  expect({ where: where('events per accepted step'), counts: accepted.map((s) => [s.kind, byUpdate.get(s.updateId) ?? 0]) }).toEqual({
    where: where('events per accepted step'),
    counts: accepted.map((s) => [s.kind, 1]),
  });
  expect({ where: where('events of refused steps'), events: refused.filter((s) => byUpdate.has(s.updateId)).map((s) => s.kind) }).toEqual({ where: where('events of refused steps'), events: [] });
  const acceptedIds = new Set(accepted.map((s) => s.updateId));
  expect({ where: where('events of unknown updates'), ids: [...byUpdate.keys()].filter((id) => !acceptedIds.has(id)) }).toEqual({ where: where('events of unknown updates'), ids: [] });
  expect({ where: where('steps that must be refused'), accepted: steps.filter((s) => s.mustRefuse && s.outcome === 'accepted').map((s) => s.kind) }).toEqual({
    where: where('steps that must be refused'),
    accepted: [],
  });
  // A node completes once; an intake decision is taken once.
  const completions = accepted.filter((s) => s.kind === 'construction:complete').map((s) => s.milestone);
  expect({ where: where('duplicate completions'), dups: duplicates(completions) }).toEqual({ where: where('duplicate completions'), dups: [] });
  expect(accepted.filter((s) => s.kind === 'intake:decide' || s.kind === 'setup:accept').length).toBeLessThanOrEqual(1);

  // 4. SLA clocks: one event per fired threshold, as many as the state says fired.
  const thresholdEvents = (clock: string) => audit.filter((e) => THRESHOLD_ACTIONS.has(e.action) && e.payload.clock === clock).map((e) => e.payload.threshold as string);
  const intakeFired = thresholdEvents('intake_decision');
  expect({ where: where('intake thresholds'), fired: [...intakeFired].sort() }).toEqual({ where: where('intake thresholds'), fired: [...state.intake.clock.fired].sort() });
  const commissionerFired = thresholdEvents('commissioner_assignment');
  expect({ where: where('commissioner thresholds'), fired: [...commissionerFired].sort() }).toEqual({ where: where('commissioner thresholds'), fired: [...(state.handover?.clock.fired ?? [])].sort() });
  // A recalculation request is applied once per clock.
  const recalcs = audit.filter((e) => e.action === 'sla.recalculated').map((e) => [e.payload.clock, e.payload.requestId]);
  expect({ where: where('duplicate recalculations'), dups: duplicates(recalcs) }).toEqual({ where: where('duplicate recalculations'), dups: [] });

  // 5. Milestone ladder: never twice for a node, level and due date; the events of each node's
  // current due date are the levels its state says escalated; none after the node completed.
  const overdue = audit.filter((e) => e.action === 'construction.milestone_overdue');
  expect({ where: where('duplicate escalations'), dups: duplicates(overdue.map((e) => [e.payload.kind, e.payload.level, e.payload.dueOn])) }).toEqual({ where: where('duplicate escalations'), dups: [] });
  for (const node of state.construction?.nodes ?? []) {
    const levels = overdue.filter((e) => e.payload.kind === node.kind && e.payload.dueOn === node.dueOn).map((e) => e.payload.level as number);
    expect({ where: where(`escalations of ${node.kind} due ${node.dueOn}`), levels: [...levels].sort() }).toEqual({ where: where(`escalations of ${node.kind} due ${node.dueOn}`), levels: [...node.escalated].sort() });
    const completedAt = audit.find((e) => e.action === 'construction.milestone_completed' && e.payload.kind === node.kind)?.seq;
    if (completedAt !== undefined) {
      expect({ where: where(`escalations of ${node.kind} after its completion`), seqs: overdue.filter((e) => e.payload.kind === node.kind && e.seq > completedAt).map((e) => e.seq) }).toEqual({
        where: where(`escalations of ${node.kind} after its completion`),
        seqs: [],
      });
    }
  }

  // 6. Negotiation follow-ups: the misses since the last contact are those the state counts; none twice.
  const followUps = audit.filter((e) => FOLLOW_UP_ACTIONS.has(e.action));
  expect({ where: where('duplicate follow-up misses'), dups: duplicates(followUps.map((e) => [e.payload.dueAt, e.payload.missedInRow])) }).toEqual({ where: where('duplicate follow-up misses'), dups: [] });
  if (state.negotiation) {
    const reset = audit.filter((e) => e.action === 'negotiation.contact_recorded' || e.action === 'intake.accepted').at(-1)?.seq ?? 0;
    expect({ where: where('follow-up misses since the last contact'), n: followUps.filter((e) => e.seq > reset).length }).toEqual({
      where: where('follow-up misses since the last contact'),
      n: state.negotiation.followUp.missedInRow,
    });
  }
}

async function checkNoProjectionConflicts(h: TimeSkippingHarness, workflowIds: string[]): Promise<void> {
  const rows: unknown[] = await h.dataSource.query(`SELECT workflow_id, seq FROM projection_conflicts WHERE workflow_id = ANY($1)`, [workflowIds]);
  expect(rows).toEqual([]);
}

/** What the property saw, for its closing line (so a run that tested little shows it). */
const seen = { accepted: 0, refused: 0, mustRefuse: 0, events: 0, milestoneEscalations: 0, clockThresholds: 0, followUpMisses: 0, recalculations: 0 };

async function verify(ctx: ScheduleContext): Promise<void> {
  const settled = await allSettledOrThrow(ctx.projects.map((project) => settle(ctx.h, project.handle)));
  for (const st of ctx.steps) {
    if (st.outcome === 'accepted') seen.accepted++;
    else seen.refused++;
    if (st.mustRefuse) seen.mustRefuse++;
  }
  for (const { audit } of settled) {
    seen.events += audit.length;
    for (const e of audit) {
      if (e.action === 'construction.milestone_overdue') seen.milestoneEscalations++;
      if (THRESHOLD_ACTIONS.has(e.action)) seen.clockThresholds++;
      if (FOLLOW_UP_ACTIONS.has(e.action)) seen.followUpMisses++;
      if (e.action === 'sla.recalculated') seen.recalculations++;
    }
  }
  ctx.projects.forEach((project, i) =>
    checkRecord(`${ctx.run} project ${project.index} (${project.spec.stage}, ${project.handle.workflowId})`, settled[i], ctx.steps.filter((s) => s.projectIndex === project.index)),
  );
  await checkNoProjectionConflicts(
    ctx.h,
    ctx.projects.map((p) => p.handle.workflowId),
  );
}

/** The next schedule skips days: these projects' timers must not keep the server busy. */
async function closeProjects(ctx: ScheduleContext): Promise<void> {
  await Promise.all(
    ctx.projects.map(async (p) => {
      for (const until = Date.now() + 10_000; !ctx.wedged && Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
        const { status, raw } = await p.handle.describe().catch(() => ({ status: { name: 'GONE' }, raw: {} as never }));
        if (status.name !== 'RUNNING' || ((raw.pendingActivities ?? []).length === 0 && !raw.pendingWorkflowTask)) break;
      }
      await p.handle.terminate('property run finished').catch(() => undefined);
    }),
  );
  await releaseLeakedTimeLocks(ctx.h);
}

let leakedTimeLocks = 0;
const wedgedSchedules: string[] = [];

/**
 * The time-skipping server locks time while a workflow task or an activity is outstanding and
 * releases the lock when it completes; terminating a workflow with one outstanding (a timer that
 * fired a millisecond after the idle check above) never releases it, and from then on every
 * sleep runs in real time. With every workflow closed nothing may hold time, so a sleep that
 * does not finish at once proves a leaked lock: each is released here (and counted).
 */
async function releaseLeakedTimeLocks(h: TimeSkippingHarness): Promise<void> {
  const probe = h.env.sleep(HOUR);
  for (let i = 0; i < 10; i++) {
    const done = await Promise.race([probe.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 300))]);
    if (done) return;
    try {
      await h.env.connection.testService!.unlockTimeSkipping({});
      leakedTimeLocks++;
    } catch {
      // "Unbalanced lock and unlock calls": nothing had leaked, the server was only slow.
      await probe;
      return;
    }
  }
  throw new Error('time-skipping stays locked after releasing 10 leaked locks');
}

// ---------------------------------------------------------------------------------------------

/**
 * Two lanes, each a time-skipping server of its own with its own worker (the database is shared):
 * every property run plays one schedule per lane at the same time, so 100 runs play 200
 * schedules in the time of little more than 100 on this two-core machine.
 */
const LANES = 2;

interface Lane {
  h: TimeSkippingHarness | null;
  schedules: number;
}

/** Plays one schedule on a lane and checks its record; true when the test server wedged it (discarded). */
async function playSchedule(lane: Lane, schedule: Schedule, run: string): Promise<boolean> {
  if (lane.h && lane.schedules >= FRESH_SERVER_EVERY) {
    await lane.h.teardown();
    lane.h = null;
  }
  if (!lane.h) {
    lane.h = await startTimeSkippingHarness();
    lane.schedules = 0;
  }
  lane.schedules++;
  const ctx: ScheduleContext = { h: lane.h, run, steps: [], projects: [] };
  const t0 = Date.now();
  const watch = watchForWedge(ctx);
  let inFlight: Promise<unknown> = Promise.resolve();
  try {
    inFlight = runSchedule(ctx, schedule);
    await Promise.race([inFlight, watch.wedge]);
    const t1 = Date.now();
    inFlight = verify(ctx);
    await Promise.race([inFlight, watch.wedge]);
    if (process.env.RECORD_PROPERTY_TIMING) {
      process.stdout.write(`${ctx.run}: ${schedule.projects.length} projects, ${schedule.rounds.length} rounds, ${ctx.steps.length} steps: run ${t1 - t0} ms, verify ${Date.now() - t1} ms\n`);
    }
  } catch (err) {
    if (err instanceof NondeterministicReplay) {
      // A worker could not replay a history it wrote under this server (seen in about one CI run
      // of five, never reproduced from its seed, never on the dev server: chaos, replay and upgrade
      // tests replay there). Counted and printed loudly, the schedule discarded, and capped below
      // with the wedges: it is an open question (see the README's Tests section), not a pass.
      replayDivergences.push(`${ctx.run}: ${err.message}`);
      process.stdout.write(`\n${ctx.run}: REPLAY DIVERGENCE, schedule discarded: ${err.message}\n`);
      ctx.wedged = true;
    } else {
      if (!(err instanceof WedgedByTestServer)) throw err;
      // Not a verdict on the engine: the run is discarded (fast-check draws another).
      ctx.wedged = true;
      wedgedSchedules.push(ctx.run);
      process.stdout.write(`${ctx.run}: discarded, ${err.message}\n`);
    }
  } finally {
    watch.stop();
    if (!ctx.wedged) await closeProjects(ctx);
  }
  if (ctx.wedged) {
    // The schedule's workflows go (what still waits on them fails), a time lock the wedged one held
    // is released, and what was in flight is let finish before the lane goes on; should it not,
    // the lane starts afresh on a new server.
    await Promise.all(ctx.projects.map((p) => p.handle.terminate('wedged by the test server').catch(() => undefined)));
    await releaseLeakedTimeLocks(lane.h).catch(() => undefined);
    const settled = await Promise.race([inFlight.then(() => true, () => true), new Promise<false>((r) => setTimeout(() => r(false), 30_000))]);
    if (!settled) {
      const wedgedHarness = lane.h;
      lane.h = null;
      await Promise.race([wedgedHarness.teardown().catch(() => undefined), new Promise((r) => setTimeout(r, 20_000))]);
    }
  }
  return !!ctx.wedged;
}

describe('the record can be trusted: concurrent steps, signals and timers (time-skipping property)', () => {
  const lanes: Lane[] = Array.from({ length: LANES }, () => ({ h: null, schedules: 0 }));

  afterAll(async () => {
    await Promise.all(lanes.map((lane) => lane.h?.teardown()));
  });

  it('regression: a plan already overdue, its nodes completed and progress logged concurrently while the ladder fires, loses and repeats no audit event', async () => {
    const lane = lanes[0];
    lane.h ??= await startTimeSkippingHarness();
    const ts = lane.h;
    const ctx: ScheduleContext = { h: ts, run: `regression-${randomUUID().slice(0, 8)}`, steps: [], projects: [] };
    try {
      // Due 10, 9, 8, 3, 2 and 1 day(s) ago (every rung of the ladder is already due for some), today, in 2 days, in 30 days.
      const spec: ProjectSpec = { stage: 'construction', grade: 'A', dueOffsets: [-10, -9, -8, -3, -2, -1, 0, 2, 30], commissioner: true, planInFirstRound: false };
      const [{ project }] = await setUpProjects(ctx, [spec]);
      const today = shanghaiDate(await ts.env.currentTimeMs());
      // At once, right behind the plan: the ladder is still recording its (up to 15) overdue rungs, one
      // transition after another, each projected before the next; the steps land in between.
      await Promise.all([
        ...nonProductionKinds.map((kind) =>
          sendStep(ctx, project, completeMilestoneUpdate, BUREAU_HEAD, { kind, completedOn: today, evidence: '现场照片及验收单' }, { kind: 'construction:complete', milestone: kind }),
        ),
        // The same node twice: one of the two must be refused.
        sendStep(ctx, project, completeMilestoneUpdate, BUREAU_HEAD, { kind: 'land_handover', completedOn: today, evidence: '重复提交' }, { kind: 'construction:complete', milestone: 'land_handover' }),
        ...Array.from({ length: 6 }, (_, i) => sendStep(ctx, project, logConstructionProgressUpdate, BUREAU_HEAD, { date: today, note: `进度${i}` }, { kind: 'construction:progress' })),
      ]);
      const settled = await settle(ts, project.handle);
      checkRecord(ctx.run, settled, ctx.steps);
      const completions = ctx.steps.filter((s) => s.kind === 'construction:complete');
      expect(completions.filter((s) => s.outcome === 'accepted')).toHaveLength(nonProductionKinds.length);
      expect(completions.filter((s) => s.outcome === 'refused').map((s) => [s.milestone, s.failureType])).toEqual([['land_handover', 'WRONG_STAGE']]);
      expect(ctx.steps.filter((s) => s.kind === 'construction:progress').every((s) => s.outcome === 'accepted')).toBe(true);
      const actions = settled.audit.map((e) => e.action);
      expect(actions.filter((a) => a === 'construction.milestone_completed')).toHaveLength(nonProductionKinds.length);
      expect(actions.filter((a) => a === 'construction.progress_logged')).toHaveLength(6);
      // The ladder did fire (the race took place); checkRecord showed no rung after its node's completion.
      expect(actions.filter((a) => a === 'construction.milestone_overdue').length).toBeGreaterThan(0);
      // Every step and every rung once: registration + 5 set-up steps + 8 completions + 6 progress entries + the rungs.
      expect(settled.audit).toHaveLength(1 + 5 + 8 + 6 + actions.filter((a) => a === 'construction.milestone_overdue').length);
      await checkNoProjectionConflicts(ts, [project.handle.workflowId]);
    } finally {
      await closeProjects(ctx);
    }
  }, 60_000);

  const propertyRuns = Math.ceil(RUNS / LANES);
  it(
    `keeps the record for ${propertyRuns * LANES} generated schedules (${propertyRuns} runs × ${LANES} lanes, seed ${SEED})`,
    async () => {
      process.stdout.write(`\nrecord-invariants property: ${propertyRuns} runs × ${LANES} schedules, seed ${SEED} (replay: RECORD_PROPERTY_SEED=${SEED})\n`);
      const started = Date.now();
      let runs = 0;
      let schedules = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(scheduleArb, { minLength: LANES, maxLength: LANES }), async (perLane) => {
          const run = ++runs;
          // Each lane plays to its end (nothing left in flight on a lane) before a failure is reported.
          const wedged = await allSettledOrThrow(perLane.map((schedule, i) => playSchedule(lanes[i], schedule, `r${run}${'ab'[i]}-${randomUUID().slice(0, 6)}`)));
          fc.pre(!wedged.some(Boolean));
          schedules += perLane.length;
        }),
        { numRuns: propertyRuns, seed: SEED, endOnFailure: !SHRINK, timeout: 120_000 },
      );
      process.stdout.write(
        `record-invariants property: ${schedules} schedules passed in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}; ` +
          `discarded because the time-skipping server wedged a workflow: ${wedgedSchedules.length}; because a replay diverged: ${replayDivergences.length}; ` +
          `time-skipping locks leaked by terminate and released: ${leakedTimeLocks})\n` +
          `record-invariants property: steps accepted ${seen.accepted}, refused ${seen.refused} (${seen.mustRefuse} that had to be); audit events checked ${seen.events}: ` +
          `milestone escalations ${seen.milestoneEscalations}, clock thresholds ${seen.clockThresholds}, follow-up misses ${seen.followUpMisses}, recalculations ${seen.recalculations}\n`,
      );
      expect(schedules).toBeGreaterThanOrEqual(RUNS);
      // Discards are the test server's, and rare; many would mean the property no longer tests much.
      expect(wedgedSchedules.length + replayDivergences.length).toBeLessThanOrEqual(Math.max(3, Math.ceil(RUNS / 20)));
    },
    // A guard against a hang, not a speed target: 200 schedules took 160-180 s on one development
    // machine and 270-310 s alone on a slower one, where another suite beside it in CI pushed them past 400 s.
    Math.max(240_000, RUNS * 3_500),
  );
});
