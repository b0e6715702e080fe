import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ERROR_CODES, findUnstorableText, localized } from '@zs/domain';
import { fieldRefusal } from '../errors/api.exception';
import { validationExceptionFactory } from './validation-exception.factory';

/**
 * The one validation pipe. No implicit conversion: a JSON string is never taken for a
 * number or boolean; query DTOs convert their own fields explicitly.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A JSON array is valid JSON but no DTO here is a list; left alone its indexes read as unknown properties.
    if (metadata.type === 'body' && value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'body', localized('{field}须为 JSON 对象', '{field} must be a JSON object'));
    }
    // NUL or a lone surrogate would pass the DTO rules and then fail in PostgreSQL (a 5xx, or a
    // workflow step that cannot be persisted): refuse it here for body, query and path alike.
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const field = findUnstorableText(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (field) {
        throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, localized('{field}含有空字符或无效的 Unicode 字符', '{field} contains a NUL character or invalid Unicode'));
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    forbidUnknownValues: true,
    // Kept for the messages (validation-exception.factory.ts reads the constraint's arguments from
    // the target's metadata, a date's problem from its value); never sent to the client.
    validationError: { target: true, value: true },
    exceptionFactory: validationExceptionFactory,
  });
}
