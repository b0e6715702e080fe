import { getMetadataStorage, type ValidationError } from 'class-validator';
import { ERROR_CODES, labelsForValues, localized } from '@zs/domain';
import { ApiException, type ErrorDetail } from '../errors/api.exception';
import { DETAILS_PLACEHOLDER } from '../errors/error-envelope';
import { ENUM_LABEL_TABLES } from '../i18n/enum-label-tables';
import { constraintMessage } from './constraint-messages';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/**
 * class-validator's result as the envelope: one detail per field, each message rendered from the
 * failed constraint's name and arguments (constraint-messages.ts) in both languages; the
 * envelope's message lists every detail. The pipe keeps `target` and `value` on the errors for
 * this (the arguments are read from the target's validation metadata); neither is ever sent.
 */
export function validationExceptionFactory(errors: ValidationError[]): ApiException {
  const details = errors.flatMap((e) => flatten(e, ''));
  const message = details.length > 0 ? localized(DETAILS_PLACEHOLDER, DETAILS_PLACEHOLDER) : localized('请求内容不符合要求', 'request is invalid');
  return new ApiException(ERROR_CODES.VALIDATION_FAILED, message, details);
}

/** Field paths read as the workflow names them: `committed.production`, `nodes[2].kind`. */
function flatten(error: ValidationError, parent: string): ErrorDetail[] {
  const field = !parent ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
  const own = Object.keys(error.constraints ?? {}).map((name): ErrorDetail => {
    // forbidUnknownValues fires when the body is not an object at all (an array, a string).
    if (name === 'unknownValue') return { field: 'body', message: localized('请求体须为 JSON 对象', 'request body must be a JSON object') };
    const meta = metadataOf(error, name);
    const args = meta?.constraints ?? [];
    const values = name === 'isIn' || name === 'arrayContains' ? (args[0] as readonly unknown[]) : name === 'isEnum' ? Object.values(args[0] ?? {}) : null;
    const message = constraintMessage({
      name,
      args,
      value: error.value,
      each: meta?.each === true,
      valueLabels: values ? labelsForValues(values, ENUM_LABEL_TABLES) : null,
    });
    return { field: field || 'body', message };
  });
  const children = (error.children ?? []).flatMap((c) => flatten(c, field));
  return [...own, ...children];
}

/** The declaration of the failed constraint on the validated object's class (inherited ones included). */
function metadataOf(error: ValidationError, name: string): ValidationMetadata | undefined {
  const target = error.target;
  if (!target || typeof target !== 'object') return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === name || m.type === name));
}
