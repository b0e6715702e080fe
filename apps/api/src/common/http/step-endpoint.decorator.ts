import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Permission } from '@zs/domain';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency-key';

/**
 * A staff step on a project (`POST /projects/:id/<path>`): a Workflow Update that answers
 * the new state, with the same permission check, idempotency header and refusals everywhere.
 */
export function StepEndpoint(path: string, permission: Permission, summary: string, responseType: new () => object): MethodDecorator {
  return applyDecorators(
    Post(`:id/${path}`),
    HttpCode(200),
    RequirePermission(permission),
    ApiOperation({ summary }),
    ApiParam({ name: 'id', format: 'uuid' }),
    ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'A repeat with the same key returns the first result; the same key with another body is refused (422)' }),
    ApiOkResponse({ type: responseType }),
    ApiBadRequestResponse({ description: 'VALIDATION_FAILED' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN_ROLE' }),
    ApiNotFoundResponse({ description: 'NOT_FOUND' }),
    ApiConflictResponse({ description: 'WRONG_STAGE' }),
    ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_CONFLICT' }),
    ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE' }),
  );
}
