import type { PeriodBucket } from './kpi-periods';
import { inWindow, type KpiContext, type KpiEvents } from './kpi-window';
import type { KpiFacts } from './project-facts';
import type { ServiceRequestFacts } from './service-request-facts';

type Window = Pick<KpiContext, 'from' | 'to' | 'asOf'>;

/**
 * Every date a KPI counts a project by (README "Windows"): registration, the intake decision,
 * signing (the cohort of every rate and count), equipment entry and production. A project none of
 * whose dates falls in a window counts for no KPI of that window (the states a cohort rate reads
 * "as of", such as 开工 or 履约, only matter for projects signed in the window). So a table skips
 * such projects, and a period split hands each bucket only the projects dated in it instead of all
 * of them. The KPIs that count events rather than projects (nodes due, funds in place) read the
 * events placed in the window (KpiEvents, eventsIn below), so a node's due date or a fund's
 * arrival does not bring its whole project into a bucket: a signed project has nine nodes and
 * several funds entries, in as many months. `kpi-relevance.spec.ts` holds every definition to this:
 * a KPI that starts counting by another date must add it here.
 * Written as a test over the dates rather than a list of them: no array per project per query.
 */
export function someProjectEventDate(f: KpiFacts, test: (date: string) => boolean): boolean {
  if (test(f.registeredOn)) return true;
  if (f.intake.decidedOn && test(f.intake.decidedOn)) return true;
  if (f.signedOn && test(f.signedOn)) return true;
  if (f.equipmentEntryOn && test(f.equipmentEntryOn)) return true;
  if (f.productionOn && test(f.productionOn)) return true;
  return false;
}

/** The events of the projects in one window: nodes due in it and funds arrived in it, in the projects' order. */
export function eventsIn(facts: readonly KpiFacts[], window: Window): KpiEvents {
  const events: KpiEvents = { nodes: [], funds: [] };
  for (const f of facts) {
    for (const n of f.nodes) if (inWindow(n.dueOn, window)) events.nodes.push(n);
    for (const e of f.funds) if (inWindow(e.date, window)) events.funds.push(e);
  }
  return events;
}

/** The same for each bucket of a period split, in one pass over the projects' events. */
export function eventsInBuckets(facts: readonly KpiFacts[], buckets: readonly PeriodBucket[], window: Window): KpiEvents[] {
  const lists: KpiEvents[] = buckets.map(() => ({ nodes: [], funds: [] }));
  for (const f of facts) {
    for (const n of f.nodes) {
      const b = inWindow(n.dueOn, window) ? bucketIndex(buckets, n.dueOn) : -1;
      if (b >= 0) lists[b].nodes.push(n);
    }
    for (const e of f.funds) {
      const b = inWindow(e.date, window) ? bucketIndex(buckets, e.date) : -1;
      if (b >= 0) lists[b].funds.push(e);
    }
  }
  return lists;
}

/** The dates a service-request KPI counts a request by: its closing (销单) and every rating. */
export function someServiceEventDate(s: ServiceRequestFacts, test: (date: string) => boolean): boolean {
  if (s.closedOn && test(s.closedOn)) return true;
  for (const r of s.ratings) if (test(r.on)) return true;
  return false;
}

/** Whether one of an item's event dates passes the test (stopping at the first that does). */
export type SomeEventDate<T> = (item: T, test: (date: string) => boolean) => boolean;

/** The items with at least one event dated in the window. */
export function datedIn<T>(items: readonly T[], someDate: SomeEventDate<T>, window: Window): T[] {
  const inIt = (d: string) => inWindow(d, window);
  return items.filter((item) => someDate(item, inIt));
}

/**
 * The items dated in each bucket of a period split (buckets in order and contiguous, as
 * periodsBetween gives them), each item once per bucket however many of its dates fall there.
 * One pass over the items instead of one per bucket.
 */
export function datedInBuckets<T>(items: readonly T[], someDate: SomeEventDate<T>, buckets: readonly PeriodBucket[], window: Window): T[][] {
  const lists: T[][] = buckets.map(() => []);
  let item: T;
  const place = (d: string) => {
    if (!inWindow(d, window)) return false;
    const b = bucketIndex(buckets, d);
    // Each item's dates are placed before the next item's: a list ending with it already holds it.
    if (b >= 0 && lists[b][lists[b].length - 1] !== item) lists[b].push(item);
    return false;
  };
  for (item of items) someDate(item, place);
  return lists;
}

/** The bucket holding the date (binary search on the buckets' first days); −1 when none does. */
function bucketIndex(buckets: readonly PeriodBucket[], date: string): number {
  let lo = 0;
  let hi = buckets.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (buckets[mid].from <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && date <= buckets[found].to ? found : -1;
}
