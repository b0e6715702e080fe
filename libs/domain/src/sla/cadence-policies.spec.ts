import { DomainError } from '../errors';
import { INFO_GRADES, type InfoGrade } from '../lead';
import type { Actor } from '../roles';
import { MILESTONE_KINDS } from '../project/construction-state';
import { fulfilmentScheduleOf } from '../project/fulfilment-state';
import { decideIntake, registerLead } from '../project/intake-transitions';
import { missFollowUp } from '../project/negotiation-transitions';
import { PROJECT_CADENCES } from '../project/project-cadences';
import type { ProjectState } from '../project/project-state';
import { cadencePoliciesStarted, withCadencePolicies } from './cadence-planning';
import { followUpCadenceFrom, fulfilmentScheduleFrom, milestoneLadderFrom, weeklyListFrom } from './cadence-policies';
import { BUILT_IN_FOLLOW_UP_LADDER, FOLLOW_UP_POLICY, followUpAlertsAt, type FollowUpLadder } from './follow-up-policy';
import { BUILT_IN_FULFILMENT_SCHEDULE } from './fulfilment-policy';
import { MILESTONE_POLICY, weeklyListEveryMs } from './milestone-policy';
import { DEFAULT_POLICIES, validatePolicyDefinition, type PolicyKey, type SlaPolicyDefinition, type VersionedSlaPolicy } from './policy-definition';

const HOUR_MS = 3_600_000;
const seeded = (key: PolicyKey, version = 1): VersionedSlaPolicy => ({ key, version, clock: DEFAULT_POLICIES[key].clock, ...DEFAULT_POLICIES[key].definition });
const version = (key: PolicyKey, definition: SlaPolicyDefinition, v = 2): VersionedSlaPolicy => ({ key, version: v, clock: DEFAULT_POLICIES[key].clock, ...definition });
const levelsOf = (ladder: FollowUpLadder) => ladder.levels.map(({ level, everyMisses, notify, department }) => ({ level, everyMisses, notify, department }));

const officer: Actor = { userId: 'officer-1', role: 'investment_officer' };
const lead = (infoGrade: InfoGrade) => ({
  companyName: '株洲智造动力科技有限公司', contactName: '王经理', industryChain: '先进轨道交通装备', estimatedInvestmentYi: 5.5,
  sourceChannel: 'small_team' as const, infoGrade, fortune500: false, specializedSme: true, kind: 'new' as const,
});
const registered = (grade: InfoGrade): ProjectState => registerLead('p1', lead(grade), officer, 0).state;
const accept = (s: ProjectState, now: number) => decideIntake(s, { action: 'accept' }, { userId: 'tf', role: 'intake_task_force' }, now).state;

describe('seeded cadence policies reproduce the built-in constants', () => {
  it.each(INFO_GRADES)('follow_up:%s: the grade\'s cadence, the owner at each miss, the bureau head at every third in a row', (grade) => {
    const { cadenceMs, ladder } = followUpCadenceFrom(seeded(`follow_up:${grade}`), 0);
    expect(cadenceMs).toBe(FOLLOW_UP_POLICY.cadenceMs[grade]);
    expect(levelsOf(ladder)).toEqual(levelsOf(BUILT_IN_FOLLOW_UP_LADDER));
    expect(ladder).toMatchObject({ policyKey: `follow_up:${grade}`, policyVersion: 1 });
  });

  it.each(MILESTONE_KINDS)('milestone:%s: responsible person at the due time, bureau a day later, leadership a week later', (kind) => {
    const ladder = milestoneLadderFrom(seeded(`milestone:${kind}`));
    expect(ladder.escalations).toEqual(MILESTONE_POLICY.escalations.map((e) => ({ ...e, department: null })));
  });

  it('fulfilment_check: quarterly, the enterprise service bureau at the due time', () => {
    expect({ ...fulfilmentScheduleFrom(seeded('fulfilment_check')), policyKey: 'built-in', policyVersion: 0 }).toEqual(BUILT_IN_FULFILMENT_SCHEDULE);
  });

  it('milestone_weekly: every 7 days, as plans without a policy of their own run', () => {
    const schedule = weeklyListFrom(seeded('milestone_weekly'), 0);
    expect(schedule).toEqual({ policyKey: 'milestone_weekly', policyVersion: 1, everyMs: MILESTONE_POLICY.weeklyReminderEveryMs });
    expect(weeklyListEveryMs({ weeklyList: schedule })).toBe(weeklyListEveryMs({}));
    expect(weeklyListEveryMs({})).toBe(7 * 24 * HOUR_MS);
  });

  it('a missed follow-up is audited and alerted the same under the seeded policy and the built-in constants', () => {
    const builtIn = accept(registered('B'), 1000);
    const fromPolicy = withCadencePolicies(builtIn, PROJECT_CADENCES, [seeded('follow_up:B')], 1000);
    expect(fromPolicy.negotiation?.followUp.ladder?.policyKey).toBe('follow_up:B');
    const misses = (s: ProjectState) => {
      const out: unknown[] = [];
      for (let i = 1; i <= 6; i++) {
        const t = missFollowUp(s, { userId: 'system', role: 'system' }, 1000 + i * 48 * HOUR_MS);
        out.push([t.audit.action, t.audit.payload, t.alerts.map((a) => [a.level, a.notify])]);
        s = t.state;
      }
      return out;
    };
    expect(misses(fromPolicy)).toEqual(misses(builtIn));
    expect(misses(builtIn)[2]).toEqual([
      'negotiation.follow_up_escalated',
      expect.objectContaining({ missedInRow: 3, notify: 'economic_cooperation_bureau_head' }),
      [[0, 'responsible'], [1, 'economic_cooperation_bureau_head']],
    ]);
  });
});

describe('cadence policies', () => {
  it('turns hours after the first miss into "every Nth miss in a row": a 12-hour cadence escalating at 24 h and 60 h', () => {
    const { cadenceMs, ladder } = followUpCadenceFrom(
      version('follow_up:B', {
        duration: { unit: 'hours', hours: 12 },
        warnings: [],
        escalations: [
          { afterBreachHours: 0, notify: 'responsible' },
          { afterBreachHours: 24, notify: 'economic_cooperation_bureau_head' },
          { afterBreachHours: 60, notify: 'zone_leadership', department: '管委会' },
        ],
      }),
      0,
    );
    expect(cadenceMs).toBe(12 * HOUR_MS);
    expect(ladder.levels.map((l) => l.everyMisses)).toEqual([1, 3, 6]);
    const sent = (missed: number) => followUpAlertsAt(ladder, missed).map((l) => l.notify);
    expect([1, 2, 3, 6].map(sent)).toEqual([['responsible'], ['responsible'], ['responsible', 'economic_cooperation_bureau_head'], ['responsible', 'economic_cooperation_bureau_head', 'zone_leadership']]);
    expect(ladder.levels[2].department).toBe('管委会');
  });

  it('a ladder without the owner escalates at every miss it alerts, and records a miss that alerts no one', () => {
    const s = accept(registered('A'), 0);
    const policy = version('follow_up:A', { duration: { unit: 'hours', hours: 24 }, warnings: [], escalations: [{ afterBreachHours: 24, notify: 'economic_cooperation_bureau_head' }] });
    let state = withCadencePolicies(s, PROJECT_CADENCES, [policy], 0);
    const first = missFollowUp(state, { userId: 'system', role: 'system' }, 24 * HOUR_MS);
    expect([first.audit.action, first.audit.payload.notify, first.alerts]).toEqual(['negotiation.follow_up_missed', null, []]);
    state = first.state;
    const second = missFollowUp(state, { userId: 'system', role: 'system' }, 48 * HOUR_MS);
    expect([second.audit.action, second.audit.payload.notify, second.escalated]).toEqual(['negotiation.follow_up_escalated', 'economic_cooperation_bureau_head', true]);
  });

  it('keeps the built-in period for a fulfilment policy stored without one (the first seed had a due date)', () => {
    const legacy = version('fulfilment_check', { duration: { unit: 'due_date' }, warnings: [], escalations: [{ afterBreachHours: 0, notify: 'enterprise_service_bureau' }] }, 1);
    expect(fulfilmentScheduleFrom(legacy).everyMs).toBe(BUILT_IN_FULFILMENT_SCHEDULE.everyMs);
  });
});

describe('PROJECT_CADENCES', () => {
  it('acceptance starts the follow-up of the lead\'s grade; the policy sets cadence and ladder, and the due time follows', () => {
    const before = registered('C');
    const after = accept(before, 5000);
    expect(cadencePoliciesStarted(PROJECT_CADENCES, before, after)).toEqual(['follow_up:C']);
    const policy = version('follow_up:C', { duration: { unit: 'hours', hours: 72 }, warnings: [], escalations: [{ afterBreachHours: 0, notify: 'responsible' }] }, 4);
    const followUp = withCadencePolicies(after, PROJECT_CADENCES, [policy], 5000).negotiation!.followUp;
    expect(followUp).toMatchObject({ cadenceMs: 72 * HOUR_MS, lastContactAt: 5000, missedInRow: 0, ladder: { policyKey: 'follow_up:C', policyVersion: 4 } });
    // A step that starts nothing resolves nothing.
    expect(cadencePoliciesStarted(PROJECT_CADENCES, after, after)).toEqual([]);
  });

  it('the plan starts the milestone ladders and the weekly list; re-baselining starts neither', () => {
    const base = accept(registered('A'), 0);
    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsible: { userId: 'u', name: '张' }, todos: [], dueOn: '2027-01-01', completedOn: null, evidence: null, completedBy: null, escalated: [] }));
    const construction: ProjectState = { ...base, stage: 'construction', construction: { nodes, versions: [], progress: [], weeklyAnchorAt: 0 } };
    const started = cadencePoliciesStarted(PROJECT_CADENCES, { ...construction, construction: null }, construction);
    expect(started).toEqual([...MILESTONE_KINDS.map((k) => `milestone:${k}`), 'milestone_weekly']);
    expect(cadencePoliciesStarted(PROJECT_CADENCES, construction, { ...construction, construction: { ...construction.construction!, weeklyAnchorAt: 5 } })).toEqual([]);
    const policy = version('milestone_weekly', { duration: { unit: 'hours', hours: 72 }, warnings: [], escalations: [{ afterBreachHours: 0, notify: 'responsible' }] }, 3);
    const plan = withCadencePolicies(construction, PROJECT_CADENCES, [policy], 0).construction!;
    expect(plan.weeklyList).toEqual({ policyKey: 'milestone_weekly', policyVersion: 3, everyMs: 72 * HOUR_MS });
    expect(weeklyListEveryMs(plan)).toBe(72 * HOUR_MS);
    // The ladders are untouched by a weekly-list policy.
    expect(plan.nodes).toEqual(nodes);
  });

  it('production starts the fulfilment checks: the policy\'s period from now', () => {
    const base = accept(registered('A'), 0);
    const construction: ProjectState = { ...base, stage: 'construction' };
    const service: ProjectState = { ...base, stage: 'service', fulfilment: { nextCheckDueAt: 1, checks: [] } };
    expect(cadencePoliciesStarted(PROJECT_CADENCES, construction, service)).toEqual(['fulfilment_check']);
    const policy = version('fulfilment_check', { duration: { unit: 'hours', hours: 30 * 24 }, warnings: [], escalations: [{ afterBreachHours: 0, notify: 'enterprise_service_bureau' }] });
    const set = withCadencePolicies(service, PROJECT_CADENCES, [policy], 7000).fulfilment!;
    expect(set.nextCheckDueAt).toBe(7000 + 30 * 24 * HOUR_MS);
    expect(fulfilmentScheduleOf(set)).toMatchObject({ policyKey: 'fulfilment_check', policyVersion: 2, everyMs: 30 * 24 * HOUR_MS });
  });
});

describe('validatePolicyDefinition for cadences', () => {
  const field = (key: PolicyKey, input: unknown): string | undefined => {
    try {
      validatePolicyDefinition(input, key);
      return undefined;
    } catch (err) {
      return (err as DomainError).field;
    }
  };
  const owner = [{ afterBreachHours: 0, notify: 'responsible' }];

  it("allows 'responsible' for follow-up and milestone policies only", () => {
    expect(field('follow_up:A', { duration: { unit: 'hours', hours: 24 }, escalations: owner })).toBeUndefined();
    expect(field('milestone:production', { duration: { unit: 'due_date' }, escalations: owner })).toBeUndefined();
    expect(field('fulfilment_check', { duration: { unit: 'hours', hours: 2184 }, escalations: owner })).toBe('escalations[0].notify');
    expect(field('intake_decision', { duration: { unit: 'hours', hours: 48 }, escalations: [{ afterBreachHours: 0, notify: 'admin' }, ...owner] })).toBe('escalations[1].notify');
    expect(field('service_accept', { duration: { unit: 'hours', hours: 8 }, warnings: [{ fraction: 0.5, notify: 'responsible' }], escalations: [{ afterBreachHours: 0, notify: 'admin' }] })).toBe(
      'warnings[0].notify',
    );
  });

  it('refuses warnings, working days and partial cadences where cadences cannot honour them', () => {
    expect(field('follow_up:B', { duration: { unit: 'hours', hours: 48 }, warnings: [{ fraction: 0.5, notify: 'admin' }], escalations: owner })).toBe('warnings');
    expect(field('milestone:land_handover', { duration: { unit: 'due_date' }, warnings: [{ fraction: 0.5, notify: 'admin' }], escalations: owner })).toBe('warnings');
    expect(field('follow_up:B', { duration: { unit: 'working_days', days: 2 }, escalations: owner })).toBe('duration.unit');
    expect(field('fulfilment_check', { duration: { unit: 'due_date' }, escalations: [{ afterBreachHours: 0, notify: 'enterprise_service_bureau' }] })).toBe('duration.unit');
    expect(field('follow_up:B', { duration: { unit: 'hours', hours: 48 }, escalations: [...owner, { afterBreachHours: 60, notify: 'zone_leadership' }] })).toBe(
      'escalations[1].afterBreachHours',
    );
  });

  it('takes a period in hours for the weekly list, addressed to the responsible people only', () => {
    expect(validatePolicyDefinition({ duration: { unit: 'hours', hours: 72 }, escalations: owner }, 'milestone_weekly')).toEqual({
      duration: { unit: 'hours', hours: 72 },
      warnings: [],
      escalations: [{ afterBreachHours: 0, notify: 'responsible', department: null }],
    });
    expect(field('milestone_weekly', { duration: { unit: 'hours', hours: 72 } })).toBe('escalations');
    expect(field('milestone_weekly', { duration: { unit: 'working_days', days: 5 }, escalations: owner })).toBe('duration.unit');
    expect(field('milestone_weekly', { duration: { unit: 'due_date' }, escalations: owner })).toBe('duration.unit');
    expect(field('milestone_weekly', { duration: { unit: 'hours', hours: 0 }, escalations: owner })).toBe('duration.hours');
    expect(field('milestone_weekly', { duration: { unit: 'hours', hours: 72 }, warnings: [{ fraction: 0.5, notify: 'admin' }], escalations: owner })).toBe('warnings');
    expect(field('milestone_weekly', { duration: { unit: 'hours', hours: 72 }, escalations: [{ afterBreachHours: 0, notify: 'zone_leadership' }] })).toBe('escalations');
    expect(field('milestone_weekly', { duration: { unit: 'hours', hours: 72 }, escalations: [...owner, { afterBreachHours: 24, notify: 'zone_leadership' }] })).toBe('escalations');
    expect(field('milestone_weekly', { duration: { unit: 'hours', hours: 72 }, escalations: [{ afterBreachHours: 24, notify: 'responsible' }] })).toBe('escalations');
    expect(field('milestone_weekly', { duration: { unit: 'hours', hours: 72 }, escalations: [{ afterBreachHours: 0, notify: 'responsible', department: '项目服务局' }] })).toBe('escalations');
  });

  it('gives cadences no default warnings', () => {
    expect(validatePolicyDefinition({ duration: { unit: 'hours', hours: 12 }, escalations: owner }, 'follow_up:A').warnings).toEqual([]);
  });
});
