import { DomainError, ERROR_CODES } from './errors';
import type { Fortune500List, SpecializedSmeLevel } from './lead';
import { localized, type Localized } from './i18n/localized';

/** The flags as a request gives them: the old booleans, the new detail, either or both. */
export interface LeadFlagsInput {
  fortune500?: boolean;
  fortune500Lists?: Fortune500List[];
  specializedSme?: boolean;
  specializedSmeLevel?: SpecializedSmeLevel | null;
}

/**
 * `fortune500` and `specializedSme` kept consistent with their detail (issue 10): derived from
 * `fortune500Lists` / `specializedSmeLevel` when those are given, refused when both are given
 * and disagree, required when the detail is absent (older clients send only the booleans).
 * A level left null does not say "not 专精特新": the level may just be unknown.
 */
export function resolveLeadFlags(input: LeadFlagsInput): { fortune500: boolean; specializedSme: boolean } {
  return { fortune500: resolveFortune500(input), specializedSme: resolveSpecializedSme(input) };
}

function resolveFortune500({ fortune500, fortune500Lists }: LeadFlagsInput): boolean {
  if (fortune500Lists === undefined) return requireGiven(fortune500, 'fortune500', localized('须填写是否500强或所属500强榜单', 'fortune500 or fortune500Lists is required'));
  const derived = fortune500Lists.length > 0;
  if (fortune500 !== undefined && fortune500 !== derived) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      localized('“是否500强”与所填500强榜单矛盾', `fortune500 (${fortune500}) contradicts fortune500Lists [${fortune500Lists.join(', ')}]`),
      'fortune500',
    );
  }
  return derived;
}

function resolveSpecializedSme({ specializedSme, specializedSmeLevel }: LeadFlagsInput): boolean {
  if (specializedSmeLevel == null) return requireGiven(specializedSme, 'specializedSme', localized('须填写是否专精特新或其级别', 'specializedSme or specializedSmeLevel is required'));
  if (specializedSme === false) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      localized('“是否专精特新”与所填级别矛盾', `specializedSme (false) contradicts specializedSmeLevel ${specializedSmeLevel}`),
      'specializedSme',
    );
  }
  return true;
}

function requireGiven(value: boolean | undefined, field: string, missing: Localized): boolean {
  if (value === undefined) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, missing, field);
  return value;
}
