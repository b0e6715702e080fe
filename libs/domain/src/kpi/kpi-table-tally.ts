import { KPI_DEFINITIONS, type KpiTally } from './kpi-definitions';
import type { PeriodBucket } from './kpi-periods';
import { datedIn, datedInBuckets, eventsIn, eventsInBuckets, someProjectEventDate, someServiceEventDate } from './kpi-relevance';
import type { KpiContext, KpiEvents } from './kpi-window';
import type { KpiFacts } from './project-facts';
import type { ServiceRequestFacts } from './service-request-facts';
import { groupKeyOf, type KpiGroupBy } from './kpi-group';

/** What a table counts: its grouping, its windows (period buckets, or one window) and asOf. */
export interface KpiTableShape {
  groupBy: KpiGroupBy;
  /** The period buckets each group is split into; null: one window, from `from` to `to`. */
  buckets: PeriodBucket[] | null;
  from: string | null;
  to: string;
  asOf: string;
}

/**
 * Every KPI's parts in one window of one group: numerator and denominator of KPI i at 2i and
 * 2i + 1 (KPI_DEFINITIONS order), and the values of each KPI taken as a median (MEDIAN_SLOTS).
 * Plain arrays: a table keeps a cell per group, window and shard (thousands for a by-officer
 * table), and a typed array costs twice as much for 40 numbers.
 */
export interface KpiCell {
  parts: number[];
  lists: Array<readonly number[]>;
}

/** Where a median KPI's values sit in a cell's lists (by KPI index); the other KPIs keep none. */
const MEDIAN_SLOTS = new Map(
  KPI_DEFINITIONS.flatMap((def, i) => (def.aggregate === 'median' ? [i] : [])).map((kpi, slot) => [kpi, slot] as const),
);

export interface KpiGroupTally {
  /** The group's label where the facts hold one (an officer's name); else null. */
  label: string | null;
  /** The group's projects, dated in the table's windows or not. */
  projectCount: number;
  /** One per window of the shape (each bucket, or the whole window); null: nothing counted there. */
  cells: Array<KpiCell | null>;
}

/** A table's tallies by group (null: 未归属); the table of the whole is the sum of its parts' tallies. */
export type KpiTableTally = Map<string | null, KpiGroupTally>;

/** The windows of a shape, in order: each bucket cut to the table's window, or the window itself. */
export function shapeWindows(shape: KpiTableShape): Array<{ bucket: PeriodBucket | null; from: string | null; to: string }> {
  const { from, to } = shape;
  if (!shape.buckets) return [{ bucket: null, from, to }];
  return shape.buckets.map((bucket) => ({ bucket, from: from && from > bucket.from ? from : bucket.from, to: bucket.to < to ? bucket.to : to }));
}

function cellOf({ facts, services, events }: { facts: readonly KpiFacts[]; services: readonly ServiceRequestFacts[]; events: KpiEvents }, ctx: KpiContext): KpiCell | null {
  if (facts.length === 0 && services.length === 0 && events.nodes.length === 0 && events.funds.length === 0) return null;
  const parts: number[] = new Array(KPI_DEFINITIONS.length * 2).fill(0);
  const lists: Array<readonly number[]> = new Array(MEDIAN_SLOTS.size).fill([]);
  KPI_DEFINITIONS.forEach((def, i) => {
    const tally = def.tally(facts, ctx);
    parts[2 * i] = tally.numerator;
    parts[2 * i + 1] = tally.denominator;
    const slot = MEDIAN_SLOTS.get(i);
    if (slot !== undefined) lists[slot] = tally.values ?? [];
  });
  return { parts, lists };
}

/** A cell's tally of KPI i (as kpiValue takes it). */
export function cellTally(cell: KpiCell | null, i: number): KpiTally {
  if (!cell) return { numerator: 0, denominator: 0, values: KPI_DEFINITIONS[i].aggregate === 'median' ? [] : null };
  const slot = MEDIAN_SLOTS.get(i);
  return { numerator: cell.parts[2 * i], denominator: cell.parts[2 * i + 1], values: slot === undefined ? null : cell.lists[slot] };
}

/**
 * The tallies of these projects (and their service requests) for the shape. Each window sees
 * only the projects dated in it (kpi-relevance.ts); a group's requests are those of its projects.
 */
export function tallyKpiTable(facts: readonly KpiFacts[], serviceFacts: readonly ServiceRequestFacts[], shape: KpiTableShape): KpiTableTally {
  const groups = new Map<string | null, { label: string | null; facts: KpiFacts[]; services: ServiceRequestFacts[] }>();
  if (shape.groupBy === 'period') groups.set('all', { label: null, facts: [...facts], services: [...serviceFacts] });
  else {
    // Only projects with service requests need their group looked up again (not 100,000 map entries).
    const withServices = new Set(serviceFacts.map((s) => s.projectId));
    const groupOfProject = new Map<string, string | null>();
    for (const f of facts) {
      const { key, label } = groupKeyOf(f, shape.groupBy);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { label, facts: [], services: [] }));
      if (!group.label && label) group.label = label;
      group.facts.push(f);
      if (withServices.has(f.projectId)) groupOfProject.set(f.projectId, key);
    }
    for (const s of serviceFacts) {
      if (!groupOfProject.has(s.projectId)) continue;
      groups.get(groupOfProject.get(s.projectId)!)!.services.push(s);
    }
  }
  const whole = { from: shape.from, to: shape.to, asOf: shape.asOf };
  const windows = shapeWindows(shape);
  const tally: KpiTableTally = new Map();
  for (const [key, group] of groups) {
    let dated: Array<{ facts: KpiFacts[]; services: ServiceRequestFacts[]; events: KpiEvents }>;
    if (!shape.buckets) {
      dated = [{ facts: datedIn(group.facts, someProjectEventDate, whole), services: datedIn(group.services, someServiceEventDate, whole), events: eventsIn(group.facts, whole) }];
    } else {
      const facts = datedInBuckets(group.facts, someProjectEventDate, shape.buckets, whole);
      const services = datedInBuckets(group.services, someServiceEventDate, shape.buckets, whole);
      const events = eventsInBuckets(group.facts, shape.buckets, whole);
      dated = facts.map((f, i) => ({ facts: f, services: services[i], events: events[i] }));
    }
    const cells = windows.map((w, i) => cellOf(dated[i], { from: w.from, to: w.to, asOf: shape.asOf, services: dated[i].services, events: dated[i].events, target: null }));
    tally.set(key, { label: group.label, projectCount: group.facts.length, cells });
  }
  return tally;
}

function addCell(into: KpiCell | null, cell: KpiCell | null): KpiCell | null {
  if (!cell) return into;
  if (!into) return { parts: cell.parts.slice(), lists: cell.lists.map((l) => [...l]) };
  for (let i = 0; i < cell.parts.length; i++) into.parts[i] += cell.parts[i];
  cell.lists.forEach((l, i) => {
    // The sum's lists are its own copies (made when its first cell was): appended to in place.
    const mine = into.lists[i] as number[];
    for (const v of l) mine.push(v);
  });
  return into;
}

/** The tally of the union of disjoint sets of projects, from each set's tally (the inputs are left as they are). */
export function addKpiTableTallies(tallies: readonly KpiTableTally[]): KpiTableTally {
  const sum: KpiTableTally = new Map();
  for (const tally of tallies) {
    for (const [key, group] of tally) {
      const into = sum.get(key);
      if (!into) {
        sum.set(key, { label: group.label, projectCount: group.projectCount, cells: group.cells.map((c) => addCell(null, c)) });
        continue;
      }
      if (!into.label && group.label) into.label = group.label;
      into.projectCount += group.projectCount;
      into.cells = into.cells.map((c, i) => addCell(c, group.cells[i]));
    }
  }
  return sum;
}
