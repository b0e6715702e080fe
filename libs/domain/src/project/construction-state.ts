import type { Actor } from '../roles';
import { MILESTONE_POLICY, type MilestoneEscalationStep, type MilestoneLadder, type WeeklyListSchedule } from '../sla/milestone-policy';

/** The milestone template of the source reports, in order. */
export const MILESTONE_KINDS = [
  'company_registration',
  'land_handover',
  'project_filing',
  'planning_permit',
  'construction_permit',
  'construction_start',
  'equipment_entry',
  'trial_production',
  'production',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  company_registration: '公司注册',
  land_handover: '土地/厂房交付',
  project_filing: '项目备案',
  planning_permit: '规划许可',
  construction_permit: '施工许可',
  construction_start: '开工建设',
  equipment_entry: '设备进场',
  trial_production: '试生产',
  production: '正式投产',
};

export interface Responsible {
  userId: string;
  name: string;
}

export interface MilestoneNode {
  kind: MilestoneKind;
  responsible: Responsible;
  todos: string[];
  /** Due by the end of this calendar day, Asia/Shanghai. */
  dueOn: string;
  completedOn: string | null;
  evidence: string | null;
  completedBy: Actor | null;
  /** Escalation levels already sent for the current due date (reset when re-baselined). */
  escalated: number[];
  /** From the kind's policy when the plan was laid out; absent on plans laid out before (built-in ladder). */
  ladder?: MilestoneLadder | null;
}

/** The escalation ladder an overdue node climbs, in order. */
export function milestoneEscalationsOf(node: MilestoneNode): MilestoneEscalationStep[] {
  return node.ladder?.escalations ?? MILESTONE_POLICY.escalations;
}

/** One version of the plan; re-baselining adds a version, none is ever changed. */
export interface PlanVersion {
  version: number;
  createdAt: number;
  createdBy: Actor;
  reason: string;
  dueDates: Record<MilestoneKind, string>;
}

export interface ProgressEntry {
  date: string;
  note: string;
  recordedBy: Actor;
  recordedAt: number;
}

export interface ConstructionState {
  nodes: MilestoneNode[];
  versions: PlanVersion[];
  progress: ProgressEntry[];
  /** Weekly reminders run in cycles (7 days by default) from the plan's creation. */
  weeklyAnchorAt: number;
  /** The milestone_weekly policy in force when the plan was laid out (absent: the built-in 7 days). */
  weeklyList?: WeeklyListSchedule;
}
