import { ParseUUIDPipe } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { fieldRefusal } from '../errors/api.exception';
import { withParamSchema } from './param-schema';

/** A path id that is not a UUID is the caller's mistake (400), never a database error. */
export function uuidParam(name: string): ParseUUIDPipe {
  const pipe = new ParseUUIDPipe({
    exceptionFactory: () => fieldRefusal(ERROR_CODES.VALIDATION_FAILED, name, localized('{field}须为编号（UUID）', '{field} must be a UUID')),
  });
  return withParamSchema(pipe, { type: 'string', format: 'uuid' });
}
