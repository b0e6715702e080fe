import 'reflect-metadata';
import { Body, Param, type PipeTransform, type Type } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { NamedPerson, Permission } from '@zs/domain';
import type { Database } from '@zs/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { emptyBody } from '../validation/empty-body.pipe';
import { oneOfParam } from '../validation/one-of-param.pipe';
import { uuidParam } from '../validation/uuid-param.pipe';
import { StepEndpoint, type StepPathParam } from './step-endpoint.decorator';

/** What the API needs of a catalogue entry (libs/contracts/src/steps) to serve its route. */
export interface StepRouteDefinition {
  id: string;
  path: string;
  pathParams?: readonly StepPathParam[];
  permission: Permission;
  summary: string;
}

/** What a step's command may need from the API before it is sent (e.g. resolving a user to an OrgRef). */
export interface StepHttpContext {
  db: Database;
}

/**
 * The API half of a catalogue entry, keyed by the same step id: the body's DTO (validated by the
 * global pipe and documented in OpenAPI) and how it becomes the workflow command.
 */
export interface StepHttp<C, D = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- each entry has its own DTO
  /** The body's class; 'empty' for a step without input (no body or `{}`). */
  body: Type<D> | 'empty';
  /** `params`: the route's own path parameters (already checked against their enum). A refusal throws an ApiException (400 naming the field). */
  toCommand(body: D, params: Record<string, string>, ctx: StepHttpContext): C | Promise<C>;
  /** People the command names, checked to be active users of the right role before the step is sent. */
  named?: (command: C) => NamedPerson[];
  /** The handler's name (OpenAPI operationId `<Controller>_<method>`); the step id by default. */
  method?: string;
}

/** Runs one step for a route: the controller's own service does the Temporal update. */
export type StepRouteRunner<Ctrl> = (
  controller: Ctrl,
  stepId: string,
  subjectId: string,
  caller: AuthenticatedUser,
  body: unknown,
  params: Record<string, string>,
  idempotencyKey: string | undefined,
) => Promise<unknown>;

export interface StepRoutesOptions<Ctrl> {
  /** The subject's uuid path parameter (`id` for a project, `requestId` for a service request). */
  idParam: string;
  responseType: Type<object>;
  run: StepRouteRunner<Ctrl>;
}

type AnyMethodDecorator = (target: object, key: string, descriptor: PropertyDescriptor) => PropertyDescriptor | void;

/**
 * Adds one POST handler per catalogue entry to `controller` (before the module is compiled), as if
 * written by hand: `POST :<idParam>/<path>` with StepEndpoint's permission, summary, path parameters
 * and refusals, the entry's DTO as the documented and validated body, the caller and the
 * Idempotency-Key. Every entry must have its API half and vice versa (checked here and in a spec).
 */
export function serveStepRoutes<Ctrl>(
  controller: Type<Ctrl>,
  catalogue: Record<string, StepRouteDefinition>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own command type
  http: Record<string, StepHttp<any>>,
  { idParam, responseType, run }: StepRoutesOptions<Ctrl>,
): void {
  const missing = [...Object.keys(catalogue).filter((id) => !http[id]), ...Object.keys(http).filter((id) => !catalogue[id])];
  if (missing.length > 0) throw new Error(`${controller.name}: steps without both a catalogue entry and an API entry: ${missing.join(', ')}`);
  const proto = controller.prototype as Record<string, unknown>;
  for (const def of Object.values(catalogue)) {
    const entry = http[def.id]!;
    const method = entry.method ?? def.id;
    if (method in proto) throw new Error(`${controller.name}.${method} exists already`);
    const pathParams = def.pathParams ?? [];
    const handler = function (this: Ctrl, ...args: unknown[]): Promise<unknown> {
      const [subjectId, ...rest] = args as [string, ...unknown[]];
      const params = Object.fromEntries(pathParams.map((p, i) => [p.name, rest[i] as string]));
      const [caller, body, idempotencyKey] = rest.slice(pathParams.length) as [AuthenticatedUser, unknown, string | undefined];
      return run(this, def.id, subjectId, caller, body, params, idempotencyKey);
    };
    Object.defineProperty(handler, 'name', { value: method });
    Object.defineProperty(proto, method, { value: handler, writable: true, configurable: true, enumerable: false });

    // Parameters as the handler reads them: id, path params, caller, body, key. Decorated last one
    // first, as TypeScript applies parameter decorators, so the documented order is the hand-written one.
    const next = 1 + pathParams.length;
    IdempotencyKey()(proto, method, next + 2);
    if (entry.body === 'empty') Body(emptyBody)(proto, method, next + 1);
    else Body()(proto, method, next + 1);
    CurrentUser()(proto, method, next);
    [...pathParams].reverse().forEach((p, r) => {
      const pipes: PipeTransform[] = p.enum ? [oneOfParam(p.name, p.enum)] : [];
      Param(p.name, ...pipes)(proto, method, pathParams.length - r);
    });
    Param(idParam, uuidParam(idParam))(proto, method, 0);
    // What TypeScript would emit for a hand-written method: the global ValidationPipe and Swagger read the body's class from it.
    const bodyType = entry.body === 'empty' ? Object : entry.body;
    Reflect.defineMetadata('design:paramtypes', [String, ...pathParams.map(() => String), Object, bodyType, String], proto, method);
    Reflect.defineMetadata('design:returntype', Promise, proto, method);

    const decorators: AnyMethodDecorator[] = [StepEndpoint(def.path, def.permission, def.summary, responseType, pathParams, idParam) as AnyMethodDecorator];
    if (entry.body === 'empty') {
      decorators.push(ApiBody({ required: false, description: 'No input: no body, or an empty JSON object', schema: { type: 'object', maxProperties: 0 } }) as AnyMethodDecorator);
    }
    for (const decorate of decorators.reverse()) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, method)!;
      const result = decorate(proto, method, descriptor);
      if (result) Object.defineProperty(proto, method, result);
    }
  }
}
