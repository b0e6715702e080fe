import { daysBetween, shanghaiDate } from './calendar-dates';
import type { ProjectState } from './project-state';

/** Headline intervals of the source reports, derived from recorded events (never typed in). */
export interface ProjectIntervals {
  leadToSigningDays: number | null;
  signingToEquipmentEntryDays: number | null;
  signingToProductionDays: number | null;
}

export function projectIntervals(state: ProjectState): ProjectIntervals {
  const signedOn = state.contract?.signedOn ?? null;
  const completed = (kind: string) => state.construction?.nodes.find((n) => n.kind === kind)?.completedOn ?? null;
  const since = (to: string | null) => (signedOn && to ? daysBetween(signedOn, to) : null);
  return {
    leadToSigningDays: signedOn ? daysBetween(shanghaiDate(state.registeredAt), signedOn) : null,
    signingToEquipmentEntryDays: since(completed('equipment_entry')),
    signingToProductionDays: since(completed('production')),
  };
}
