import type { CadenceSlot } from '../sla/cadence-planning';
import { followUpCadenceFrom, fulfilmentScheduleFrom, milestoneLadderFrom, policyWithKey, weeklyListFrom } from '../sla/cadence-policies';
import { MILESTONE_POLICY } from '../sla/milestone-policy';
import type { PolicyKey } from '../sla/policy-definition';
import type { MilestoneKind } from './construction-state';
import type { ProjectState } from './project-state';

const followUpKey = (s: ProjectState): PolicyKey => `follow_up:${s.lead.infoGrade}`;
const milestoneKey = (kind: MilestoneKind): PolicyKey => `milestone:${kind}`;

/** 洽谈跟进: the cadence and alert ladder of the lead's grade, from the acceptance. */
const followUps: CadenceSlot<ProjectState> = {
  startedBy: (before, after) => (!before.negotiation && after.negotiation ? [followUpKey(after)] : []),
  withPolicies(state, policies) {
    const policy = policyWithKey(policies, followUpKey(state));
    if (!policy || !state.negotiation) return state;
    const followUp = state.negotiation.followUp;
    return { ...state, negotiation: { ...state.negotiation, followUp: { ...followUp, ...followUpCadenceFrom(policy, followUp.cadenceMs) } } };
  },
};

/** 建设期: each node's escalation ladder, from its kind's policy when the plan is laid out (re-baselining keeps it). */
const milestoneLadders: CadenceSlot<ProjectState> = {
  startedBy: (before, after) => (!before.construction && after.construction ? after.construction.nodes.map((n) => milestoneKey(n.kind)) : []),
  withPolicies(state, policies) {
    const plan = state.construction;
    if (!plan || !policies.some((p) => p.clock === 'milestone')) return state;
    const nodes = plan.nodes.map((n) => {
      const policy = policyWithKey(policies, milestoneKey(n.kind));
      return policy ? { ...n, ladder: milestoneLadderFrom(policy) } : n;
    });
    return { ...state, construction: { ...plan, nodes } };
  },
};

/** 周提醒: the period of the plan's weekly list, from the plan (re-baselining keeps it). */
const weeklyLists: CadenceSlot<ProjectState> = {
  startedBy: (before, after) => (!before.construction && after.construction ? ['milestone_weekly'] : []),
  withPolicies(state, policies) {
    const policy = policyWithKey(policies, 'milestone_weekly');
    if (!policy || !state.construction) return state;
    return { ...state, construction: { ...state.construction, weeklyList: weeklyListFrom(policy, MILESTONE_POLICY.weeklyReminderEveryMs) } };
  },
};

/** 履约: the check period and reminders, from production. */
const fulfilmentChecks: CadenceSlot<ProjectState> = {
  startedBy: (before, after) => (before.stage !== 'service' && after.stage === 'service' && after.fulfilment ? ['fulfilment_check'] : []),
  withPolicies(state, policies, now) {
    const policy = policyWithKey(policies, 'fulfilment_check');
    if (!policy || !state.fulfilment) return state;
    const schedule = fulfilmentScheduleFrom(policy);
    // The first period starts with production, i.e. now (the transition counted the built-in one).
    return { ...state, fulfilment: { ...state.fulfilment, schedule, nextCheckDueAt: now + schedule.everyMs } };
  },
};

/** The cadences of a project's workflow whose policies are resolved when a step starts them. */
export const PROJECT_CADENCES: CadenceSlot<ProjectState>[] = [followUps, milestoneLadders, weeklyLists, fulfilmentChecks];
