import { DomainError, renderLocalized, validatePolicyDefinition, type Language, type PolicyKey, type SlaPolicyDefinition } from '@zs/domain';
import { fieldPath } from '../../api/api-error';

type Unit = 'hours' | 'working_days' | 'due_date';

/** The new-version form, shaped like the API's body so its field problems land on the same fields. */
export interface SlaVersionFormValues {
  duration: { unit: Unit; hours?: number | null; days?: number | null; endsAt?: string | null };
  warnings: { fraction?: number | null; notify?: string; department?: string | null }[];
  escalations: { afterBreachHours?: number | null; notify?: string; department?: string | null }[];
  reason?: string;
}

/** A policy version as the API shows it (SlaPolicyViewDto), the parts the form starts from. */
export interface PolicyVersionLike {
  duration: { unit: Unit; hours?: number | null; days?: number | null; endsAt?: string | null };
  warnings: { fraction: number; notify: string; department?: string | null }[];
  escalations: { afterBreachHours: number; notify: string; department?: string | null }[];
}

/** The form filled with the current version: an administrator changes what differs and gives a reason. */
export function formValuesOf(current: PolicyVersionLike): SlaVersionFormValues {
  return {
    duration: { ...current.duration },
    warnings: current.warnings.map((w) => ({ ...w, department: w.department ?? null })),
    escalations: current.escalations.map((e) => ({ ...e, department: e.department ?? null })),
    reason: '',
  };
}

/** The definition the form describes: only the duration fields of its unit, blank departments left out. */
export function definitionOf(values: SlaVersionFormValues): SlaPolicyDefinition {
  const d = values.duration;
  const duration =
    d.unit === 'hours' ? { unit: 'hours' as const, hours: d.hours as number } : d.unit === 'working_days' ? { unit: 'working_days' as const, days: d.days as number, endsAt: d.endsAt || '17:30' } : { unit: 'due_date' as const };
  const target = (t: { notify?: string; department?: string | null }) => ({ notify: t.notify as never, ...(t.department?.trim() ? { department: t.department.trim() } : {}) });
  return {
    duration,
    warnings: (values.warnings ?? []).map((w) => ({ fraction: w.fraction as number, ...target(w) })),
    escalations: (values.escalations ?? []).map((e) => ({ afterBreachHours: e.afterBreachHours as number, ...target(e) })),
  };
}

/**
 * The first problem the domain's own rules (the ones the API applies) find in the form, on the
 * field it concerns; null when the version would be accepted. The reason is the form's own rule.
 */
export function versionProblem(values: SlaVersionFormValues, key: PolicyKey, language: Language): { name: (string | number)[]; errors: string[] } | null {
  try {
    validatePolicyDefinition(definitionOf(values), key);
    return null;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { name: fieldPath(err.field ?? 'duration.unit'), errors: [renderLocalized(err.text, language, '').trim()] };
  }
}
