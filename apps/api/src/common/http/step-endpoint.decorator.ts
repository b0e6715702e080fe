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

/** A path parameter of a step beyond the project id, e.g. `:kind` in `milestones/:kind/complete`. */
export interface StepPathParam {
  name: string;
  /** The allowed values; the handler's pipe refuses anything else with 400. */
  enum?: readonly string[];
  description?: string;
}

/**
 * A staff step on a project (`POST /projects/:id/<path>`): a Workflow Update that answers
 * the new state, with the same permission check, idempotency header and refusals everywhere.
 * A path with parameters of its own (`:name`) must document each of them in `pathParams`.
 * Steps on another workflow's subject (a service request: `POST /service-requests/:requestId/<path>`)
 * name its uuid parameter with `idParam`.
 */
export function StepEndpoint(
  path: string,
  permission: Permission,
  summary: string,
  responseType: new () => object,
  pathParams: readonly StepPathParam[] = [],
  idParam = 'id',
): MethodDecorator {
  const inPath = [...path.matchAll(/:([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  const declared = pathParams.map((p) => p.name);
  if (inPath.includes(idParam) || inPath.join() !== declared.join()) {
    throw new Error(`StepEndpoint ${path}: path parameters [${inPath.join(', ')}] must be declared, in order, as pathParams [${declared.join(', ')}] (and not named ${idParam})`);
  }
  return applyDecorators(
    Post(`:${idParam}/${path}`),
    HttpCode(200),
    RequirePermission(permission),
    ApiOperation({ summary }),
    ApiParam({ name: idParam, format: 'uuid' }),
    ...pathParams.map((p) =>
      ApiParam({ name: p.name, type: String, ...(p.enum ? { enum: [...p.enum] } : {}), ...(p.description ? { description: p.description } : {}) }),
    ),
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
