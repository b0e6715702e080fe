import type { ProjectImport } from '@zs/contracts';
import { importCadenceKeys, importClocksToPlan, importProject, type ImportPreparation, type Transition } from '@zs/domain';
import { sla } from './clock-planner';

/**
 * The first run of an imported project (issue 10): plans each clock still open from its real,
 * past start and reads the cadence policies the stage runs by (activities, so they are in the
 * history), then builds the state once more with them, so that what is already past is marked
 * without alert and only future thresholds remain for the runners (see importProject).
 */
export async function importedProject(imported: ProjectImport, now: number): Promise<Transition> {
  const draft = importProject(imported.record, imported.mark, now);
  const prep: ImportPreparation = { plans: [], policies: [] };
  for (const c of importClocksToPlan(draft.state)) {
    prep.plans.push({ clock: c.clock, startedAt: c.startedAt, plan: await sla.planSlaClock({ policyKey: c.policyKey, startedAt: c.startedAt }) });
  }
  const keys = importCadenceKeys(draft.state);
  if (keys.length > 0) prep.policies = await sla.resolveSlaPolicies(keys);
  return importProject(imported.record, imported.mark, now, prep);
}
