import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { MAX_ACCEPTED_DATE, MIN_ACCEPTED_DATE } from '../common/validation/date-range';

/** The JSON-schema facts one property's class-validator rules imply (OpenAPI 3.0 keywords). */
export interface PropertyFacts {
  /** Keywords of the property itself. */
  schema: Record<string, unknown>;
  /** Keywords of each item, for rules declared with `{ each: true }` on an array. */
  items: Record<string, unknown>;
  /** IsOptional: undefined and null are both accepted. */
  optional: boolean;
  /** ValidateIf: validated only under a condition (on other fields), so not required by itself. */
  conditional: boolean;
}

/** The accepted years as a regex: 1900-01-01..2199-12-31 → (?:19|20|21)\d{2}. */
const ACCEPTED_YEARS = (() => {
  const first = Number(MIN_ACCEPTED_DATE.slice(0, 2));
  const last = Number(MAX_ACCEPTED_DATE.slice(0, 2));
  if (!MIN_ACCEPTED_DATE.endsWith('00-01-01') || !MAX_ACCEPTED_DATE.endsWith('99-12-31')) throw new Error('date range is not whole centuries: update validator-schema.ts');
  return `(?:${Array.from({ length: last - first + 1 }, (_, i) => first + i).join('|')})\\d{2}`;
})();

/**
 * What each class-validator rule says about the JSON it accepts. Rules with no JSON-schema
 * equivalent (cross-field ValidateIf, decimals) are left out: they stay the validator's word.
 */
function factsOf(m: ValidationMetadata): Record<string, unknown> | null {
  const c = (m.constraints ?? []) as unknown[];
  switch (m.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isObject':
      return { type: 'object' };
    case 'isArray':
      return { type: 'array' };
    case 'isIn':
      return { enum: [...(c[0] as unknown[])] };
    case 'min':
      return { minimum: c[0] };
    case 'max':
      return { maximum: c[0] };
    case 'isPositive':
      return { minimum: 0, exclusiveMinimum: true };
    case 'minLength':
      return { minLength: c[0] };
    case 'maxLength':
      return { maxLength: c[0] };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'matches':
      return { pattern: (c[0] as RegExp).source };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isUrl':
      return { type: 'string', format: 'uri' };
    case 'isCalendarDate':
      return { type: 'string', format: 'date' };
    // shape.decorators.ts: real dates within MIN_ACCEPTED_DATE..MAX_ACCEPTED_DATE (whole centuries).
    case 'isAcceptedCalendarDate':
      return { type: 'string', format: 'date', pattern: `^${ACCEPTED_YEARS}-\\d{2}-\\d{2}$` };
    case 'isAcceptedDateTime':
      return { type: 'string', format: 'date-time', pattern: `^${ACCEPTED_YEARS}-\\d{2}-\\d{2}T` };
    case 'arrayMinSize':
      return { minItems: c[0] };
    case 'arrayMaxSize':
      return { maxItems: c[0] };
    case 'arrayUnique':
      return { uniqueItems: true };
    // OpenAPI 3.0 has no `contains`: "not every item is outside the values" says the same.
    case 'arrayContains':
      return { not: { items: { not: { enum: [...(c[0] as unknown[])] } } } };
    default:
      return null;
  }
}

/** A DTO class (any constructor class-validator keeps rules for). */
export type DtoClass = abstract new (...args: never[]) => unknown;

/** Every class with class-validator rules (the request bodies, their nested objects and the query DTOs). */
export function validatedClasses(): DtoClass[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  return [...storage.validationMetadatas.keys()].filter((t): t is DtoClass => typeof t === 'function');
}

/** The facts of every validated property of `target` (inherited rules included), by property name. */
export function propertyFacts(target: DtoClass): Map<string, PropertyFacts> {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, PropertyFacts>();
  for (const m of metadatas) {
    const facts = byProperty.get(m.propertyName) ?? { schema: {}, items: {}, optional: false, conditional: false };
    byProperty.set(m.propertyName, facts);
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      if (m.name === 'isOptional') facts.optional = true;
      else facts.conditional = true;
      continue;
    }
    if (m.type !== ValidationTypes.CUSTOM_VALIDATION) continue;
    const implied = factsOf(m);
    if (implied) Object.assign(m.each ? facts.items : facts.schema, implied);
  }
  return byProperty;
}
