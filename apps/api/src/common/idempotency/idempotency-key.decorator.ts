import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiRequest } from '../http/api-request';
import { parseIdempotencyKey } from './idempotency-key';

/** The validated Idempotency-Key header, or undefined when the client sent none. */
export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined =>
  parseIdempotencyKey(ctx.switchToHttp().getRequest<ApiRequest>().headers['idempotency-key']),
);
