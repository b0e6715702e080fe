import type { NodeFacts, ProjectFacts } from './project-facts';
import type { ServiceRequestFacts } from './service-request-facts';

/** Events of a window that KPIs count one by one: nodes due in it, funds arrived in it. */
export interface KpiEvents {
  nodes: NodeFacts[];
  funds: ProjectFacts['funds'];
}

/**
 * The window a KPI is computed over: events dated from `from` to `to` (inclusive, Asia/Shanghai
 * calendar dates; null = unbounded) and known by `asOf` (events dated after it are ignored, so a
 * figure "as of 30 June" is the same whenever it is asked).
 */
export interface KpiContext {
  from: string | null;
  to: string | null;
  asOf: string;
  /** The service requests of the same projects (credited to the project's owner). */
  services: ServiceRequestFacts[];
  /**
   * The nodes due and funds arrived in the window among the group's projects, when a table placed
   * them (kpi-relevance.ts); absent, a KPI finds them in the facts it is given.
   */
  events?: KpiEvents;
  /** The annual target of the group, when the group has one (funds in place against target). */
  target?: { fundsInPlaceYi: number | null; contractInvestmentYi: number | null } | null;
}

export function inWindow(date: string | null | undefined, ctx: Pick<KpiContext, 'from' | 'to' | 'asOf'>): date is string {
  if (!date) return false;
  if (date > ctx.asOf) return false;
  if (ctx.from && date < ctx.from) return false;
  if (ctx.to && date > ctx.to) return false;
  return true;
}

/** Known by asOf (whatever the window): a state reached on or before asOf. */
export function byAsOf(date: string | null | undefined, asOf: string): date is string {
  return !!date && date <= asOf;
}
