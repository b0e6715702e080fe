import { ParseUUIDPipe } from '@nestjs/common';
import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../errors/api.exception';
import { withParamSchema } from './param-schema';

/** A path id that is not a UUID is the caller's mistake (400), never a database error. */
export function uuidParam(name: string): ParseUUIDPipe {
  const pipe = new ParseUUIDPipe({
    exceptionFactory: () => new ApiException(ERROR_CODES.VALIDATION_FAILED, `${name} must be a UUID`, [{ field: name, message: 'must be a UUID' }]),
  });
  return withParamSchema(pipe, { type: 'string', format: 'uuid' });
}
