import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@zs/domain';
import { httpStatusForCode } from './error-status';

export interface ErrorDetail {
  field: string;
  message: string;
}

/** Every error the API raises on purpose: a domain code, a message for people, optional field details. */
export class ApiException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** What went wrong underneath; logged, never sent. */
    cause?: unknown,
  ) {
    super(message, httpStatusForCode(code), cause === undefined ? undefined : { cause });
    this.name = 'ApiException';
  }
}
