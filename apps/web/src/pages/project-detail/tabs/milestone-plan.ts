import { addDays, daysBetween, shanghaiDate } from '@zs/domain';
import type { ProjectView } from '../project-tab';

export type ConstructionView = NonNullable<ProjectView['construction']>;
export type MilestoneNodeView = ConstructionView['nodes'][number];
export type PlanVersionView = ConstructionView['versions'][number];

/** Where a node stands against the due date of the plan version shown. */
export type NodeState = 'done_on_time' | 'done_late' | 'overdue' | 'open';

/** One node of the plan as a chosen version has it. */
export interface MilestoneRow {
  kind: MilestoneNodeView['kind'];
  label: string;
  responsibleName: string;
  todos: string[];
  /** Due by the end of this day (Asia/Shanghai) in the version shown. */
  dueOn: string;
  /** The version before had another due date: the one this version replaced. */
  previousDueOn: string | null;
  completedOn: string | null;
  evidence: string | null;
  state: NodeState;
  /** Days past the due date: completed late, or still open after it. 0 otherwise. */
  daysLate: number;
  /** Escalations sent for the current due date (only the current version has any). */
  escalatedLevels: number[];
}

/** The version the plan runs by now: the last one (versions are never changed, only added). */
export function currentVersion(construction: ConstructionView): number {
  return construction.versions[construction.versions.length - 1]?.version ?? 1;
}

/**
 * The nodes with the due dates of `version` (completion is a fact, the same in every version),
 * each judged against that version's due date on `today` (YYYY-MM-DD, Asia/Shanghai).
 */
export function milestoneRows(construction: ConstructionView, version: number, today: string): MilestoneRow[] {
  const index = construction.versions.findIndex((v) => v.version === version);
  const shown = construction.versions[index];
  const before = index > 0 ? construction.versions[index - 1] : undefined;
  const isCurrent = version === currentVersion(construction);
  return construction.nodes.map((node) => {
    const dueOn = shown?.dueDates[node.kind] ?? node.dueOn;
    const previous = before?.dueDates[node.kind];
    const state = nodeState(dueOn, node.completedOn, today);
    return {
      kind: node.kind,
      label: node.label,
      responsibleName: node.responsible.name,
      todos: node.todos,
      dueOn,
      previousDueOn: previous && previous !== dueOn ? previous : null,
      completedOn: node.completedOn,
      evidence: node.evidence,
      state,
      daysLate: Math.max(0, daysBetween(dueOn, node.completedOn ?? today)),
      escalatedLevels: isCurrent ? node.escalatedLevels : [],
    };
  });
}

function nodeState(dueOn: string, completedOn: string | null, today: string): NodeState {
  if (completedOn) return completedOn <= dueOn ? 'done_on_time' : 'done_late';
  return dueOn < today ? 'overdue' : 'open';
}

/** The first day of the plan's span: the signing (the contract's dates lead to the plan), else the plan's own creation. */
export function planStartOf(project: Pick<ProjectView, 'contract'>, construction: ConstructionView): string {
  if (project.contract) return project.contract.signedOn;
  const first = construction.versions[0];
  return first ? shanghaiDate(Date.parse(first.createdAt)) : construction.nodes[0]?.dueOn ?? shanghaiDate(Date.now());
}

/** A bar of the Gantt view: days `start`..`end`, both whole days included. */
export interface GanttBar {
  row: number;
  /** plan: the node's window in the plan; actual: when it was done, or how long it has been overdue. */
  track: 'plan' | 'actual';
  start: string;
  end: string;
  state: NodeState;
}

/**
 * Planned against actual, node by node: a node's planned window runs from the day after the node
 * before is due (the first from the plan's start) to its own due day; its actual bar runs over the
 * same window to the completion day, or — still open and overdue — from the day after the due day
 * to today. An open node not yet due has no actual bar.
 */
export function ganttBars(rows: readonly MilestoneRow[], planStart: string, today: string): GanttBar[] {
  const bars: GanttBar[] = [];
  rows.forEach((r, row) => {
    const from = row === 0 ? planStart : addDays(rows[row - 1].dueOn, 1);
    const start = from <= r.dueOn ? from : r.dueOn;
    bars.push({ row, track: 'plan', start, end: r.dueOn, state: r.state });
    if (r.completedOn) bars.push({ row, track: 'actual', start: start <= r.completedOn ? start : r.completedOn, end: r.completedOn, state: r.state });
    else if (r.state === 'overdue') bars.push({ row, track: 'actual', start: addDays(r.dueOn, 1), end: today, state: r.state });
  });
  return bars;
}

/** The days the chart spans: every bar and today, with a little room either side. */
export function ganttRange(bars: readonly GanttBar[], today: string): { from: string; to: string } {
  let from = today;
  let to = today;
  for (const b of bars) {
    if (b.start < from) from = b.start;
    if (b.end > to) to = b.end;
  }
  return { from: addDays(from, -3), to: addDays(to, 4) };
}
