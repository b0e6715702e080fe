import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ParseUUIDPipe } from '@nestjs/common';
import type { NestContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, LANGUAGES, PERMISSIONS, type Permission } from '@zs/domain';
import { IS_PUBLIC_KEY } from '../common/auth/public.decorator';
import { LOGIN_RATE_LIMIT_KEY } from '../common/http-hardening/rate-limit';
import { PERMISSION_KEY } from '../common/auth/require-permission.decorator';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '../common/idempotency/idempotency-key';
import { paramSchemaOf } from '../common/validation/param-schema';
import { propertyFacts, validatedClasses, type DtoClass } from './validator-schema';

// @nestjs/swagger exports only OpenAPIObject; its parts are read off it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ParameterObject = Extract<NonNullable<OperationObject['parameters']>[number], { in: string }>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;
type SchemaObject = Extract<NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string], { type?: unknown }>;

export const ERROR_SCHEMA = 'ErrorEnvelope';
const ERROR_REF = { $ref: `#/components/schemas/${ERROR_SCHEMA}` };
const ZONE_PARAMETER = 'ZoneHeader';
const ACCEPT_LANGUAGE = 'AcceptLanguage';
const CONTENT_LANGUAGE_HEADER = { description: 'The language of message and details[]: zh-CN or en (from Accept-Language)', schema: { type: 'string', enum: [...LANGUAGES] } };
const BEARER = 'bearer';

/** What the document cannot see by itself about one route, read from the same metadata the guards and pipes use. */
interface RouteFacts {
  isPublic: boolean;
  permission?: Permission;
  throttled: boolean;
  /** Path parameters' schemas from their pipes (uuid, enum, pattern). */
  pathSchemas: Map<string, Record<string, unknown>>;
  /** The @Query() DTO, whose validators describe the query parameters. */
  queryClass?: DtoClass;
  hasBody: boolean;
}

/**
 * The OpenAPI document served at /docs-json and committed as apps/api/openapi.json
 * (`npm run openapi:write`). Nest's scan of the controllers, then one pass that makes it tell
 * the truth about what the guards, pipes and validators really do: 401 on every authenticated
 * route, the error envelope on every error, the validators' types, ranges, lengths, patterns and
 * formats, closed request bodies (the pipe forbids unknown properties).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('招商项目全生命周期 API')
      .setDescription(
        'Investment-attraction project lifecycle engine. Errors share one envelope (schema ErrorEnvelope): ' +
          '{ statusCode, code, message, details?: [{ field, label, message }], correlationId }. ' +
          'message, details[].label and details[].message are in the caller\'s language: Accept-Language zh-CN (the default, ' +
          'also for anything unrecognised) or en, said back in Content-Language; code and details[].field (the field\'s path, ' +
          'e.g. committed.production, nodes[2].kind) never change. GET /reference-data gives the Chinese label of every code the API accepts. ' +
          'No text anywhere (body, query, path) may contain a NUL character or a lone UTF-16 surrogate (400). ' +
          'x-roles on an operation lists the roles allowed (others: 403 FORBIDDEN_ROLE).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
      .build(),
  );
  return completeDocument(document, routeFacts(app));
}

const WRITE_METHODS: readonly RequestMethod[] = [RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE];

/** Every route handler by its operation id (`Controller_method`, Nest's default), with its guard and pipe metadata. */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const container = (app as unknown as { container: NestContainer }).container;
  const facts = new Map<string, RouteFacts>();
  const throttlerInstalled = [...container.getModules().values()].some((m) =>
    [...m.providers.values()].some((p) => ['ThrottlerGuard', 'ApiThrottlerGuard'].includes((p.metatype as { name?: string } | null)?.name ?? '')),
  );
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(proto)) {
        const handler = proto[method];
        if (method === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', proto, method) ?? []) as DtoClass[];
        const route: RouteFacts = {
          isPublic: Boolean(Reflect.getMetadata(IS_PUBLIC_KEY, handler) ?? Reflect.getMetadata(IS_PUBLIC_KEY, controller)),
          permission: (Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, controller)) as Permission | undefined,
          // The limits (common/http-hardening/rate-limit.ts) count logins and writes; reads are never limited.
          throttled:
            throttlerInstalled &&
            !hasSkipThrottle(handler) &&
            !hasSkipThrottle(controller) &&
            (Boolean(Reflect.getMetadata(LOGIN_RATE_LIMIT_KEY, handler)) || WRITE_METHODS.includes(Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod)),
          pathSchemas: new Map(),
          hasBody: false,
        };
        for (const [key, arg] of Object.entries(args)) {
          const type = Number(key.split(':')[0]);
          if (type === RouteParamtypes.PARAM && typeof arg.data === 'string') {
            const schema = (arg.pipes ?? []).map(pipeSchema).find((s) => s !== undefined);
            if (schema) route.pathSchemas.set(arg.data, schema);
          } else if (type === RouteParamtypes.QUERY && arg.data === undefined) {
            route.queryClass = paramTypes[arg.index];
          } else if (type === RouteParamtypes.BODY) {
            route.hasBody = true;
          }
        }
        facts.set(`${controller.name}_${method}`, route);
      }
    }
  }
  return facts;
}

function hasSkipThrottle(target: object): boolean {
  return Reflect.getMetadataKeys(target).some((k) => typeof k === 'string' && k.startsWith('THROTTLER:SKIP') && Reflect.getMetadata(k, target) === true);
}

function pipeSchema(pipe: unknown): Record<string, unknown> | undefined {
  const own = paramSchemaOf(pipe);
  if (own) return { ...own };
  return pipe instanceof ParseUUIDPipe ? { type: 'string', format: 'uuid' } : undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** Exported for the unit test; pure over the document. */
export function completeDocument(document: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ??= {};
  schemas[ERROR_SCHEMA] = errorEnvelopeSchema();
  (document.components.parameters ??= {})[ACCEPT_LANGUAGE] = {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: "The language of error messages and field labels: zh-CN (default, also for anything unrecognised) or en; the answer's Content-Language says which",
    schema: { type: 'string', example: 'zh-CN' },
  };
  // Issue 12 (several zones): read by the token guard on every authenticated route.
  document.components.parameters[ZONE_PARAMETER] = {
    name: 'X-ZS-Zone',
    in: 'header',
    required: false,
    description:
      '园区代码 (GET /zones). A city role (city_leadership, 市领导) reads that zone with it, on GET only; anyone else may name only their own zone. Otherwise, or for a zone not served here: 403 FORBIDDEN_ZONE naming X-ZS-Zone',
    schema: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,29}$' },
  };
  closeRequestSchemas(schemas as Record<string, SchemaObject>);

  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (pathItem as Record<string, OperationObject | undefined>)[method];
      if (!operation) continue;
      const route = routes.get(operation.operationId ?? '');
      if (!route) throw new Error(`OpenAPI: no route metadata for operation ${operation.operationId}`);
      completeOperation(operation, route);
    }
  }
  return document;
}

function completeOperation(operation: OperationObject, route: RouteFacts): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  for (const p of parameters) {
    if (p.in === 'path') {
      const fromPipe = route.pathSchemas.get(p.name);
      p.schema = { ...(p.schema as SchemaObject), ...(fromPipe ?? {}) };
      if (!fromPipe) p.schema = { ...(p.schema as SchemaObject), type: 'string', minLength: 1 };
    } else if (p.in === 'query' && route.queryClass) {
      const facts = propertyFacts(route.queryClass).get(p.name);
      if (facts) p.schema = { ...(p.schema as SchemaObject), ...facts.schema };
      // A query value can be absent but never null.
      if (p.schema) delete (p.schema as SchemaObject).nullable;
    } else if (p.in === 'header' && p.name.toLowerCase() === IDEMPOTENCY_HEADER.toLowerCase()) {
      p.schema = { type: 'string', minLength: 1, maxLength: 200, pattern: IDEMPOTENCY_KEY_PATTERN.source };
    }
  }

  const responses = (operation.responses ??= {}) as Record<string, ResponseObject>;
  const addError = (status: number, description: string) => {
    responses[status] ??= { description };
  };
  if (parameters.length > 0 || route.hasBody || operation.requestBody) addError(400, 'VALIDATION_FAILED: the request does not match this schema; details name each field');
  if (!route.isPublic) {
    operation.security = [{ [BEARER]: [] }];
    addError(401, 'UNAUTHENTICATED: no, an invalid or an expired bearer token');
    const roles = route.permission ? (PERMISSIONS[route.permission] as readonly string[]) : null;
    addError(403, roles ? `FORBIDDEN_ROLE unless the caller's role is one of: ${roles.join(', ')}; PASSWORD_CHANGE_REQUIRED; FORBIDDEN_ZONE (X-ZS-Zone)` : 'PASSWORD_CHANGE_REQUIRED: the account must change its temporary password first; FORBIDDEN_ZONE (X-ZS-Zone)');
    if (roles) (operation as unknown as Record<string, unknown>)['x-roles'] = [...roles];
    operation.parameters = [...((operation.parameters ?? []) as ParameterObject[]), { $ref: `#/components/parameters/${ZONE_PARAMETER}` } as unknown as ParameterObject];
  } else {
    delete operation.security;
  }
  if (parameters.some((p) => p.in === 'path')) addError(404, 'NOT_FOUND');
  if (route.hasBody || operation.requestBody) addError(413, 'PAYLOAD_TOO_LARGE: the body is larger than API_BODY_LIMIT_KB');
  if (route.throttled) addError(429, 'RATE_LIMITED: too many logins or writes; retry after the Retry-After header (seconds)');
  addError(503, 'ENGINE_UNAVAILABLE: the database or Temporal did not answer in time; retry');
  // Node's HTTP parser answers before the app, with no body, when the URL and headers pass 16 KB.
  responses[431] ??= { description: 'Request Header Fields Too Large (URL and headers over 16 KB; no body)' };

  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && status !== '431') {
      response.description ||= 'error';
      response.content = { 'application/json': { schema: ERROR_REF } };
      response.headers = { ...response.headers, 'Content-Language': CONTENT_LANGUAGE_HEADER };
    }
  }
  operation.parameters = [...((operation.parameters ?? []) as ParameterObject[]), { $ref: `#/components/parameters/${ACCEPT_LANGUAGE}` } as unknown as ParameterObject];
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The validated classes' schemas (request bodies and the objects nested in them) take their
 * validators' facts, and are closed: the global pipe runs with whitelist + forbidNonWhitelisted.
 */
function closeRequestSchemas(schemas: Record<string, SchemaObject>): void {
  for (const target of validatedClasses()) {
    const schema = schemas[target.name];
    if (!schema || schema.type !== 'object') continue;
    schema.additionalProperties = false;
    const required = new Set(schema.required ?? []);
    for (const [name, facts] of propertyFacts(target)) {
      const property = (schema.properties ??= {})[name] as SchemaObject | undefined;
      if (!property) throw new Error(`OpenAPI: ${target.name}.${name} has validators but no @ApiProperty`);
      const { allOf, $ref, ...rest } = property as SchemaObject & { $ref?: string };
      const isRef = $ref !== undefined || allOf !== undefined;
      const merged: SchemaObject = isRef ? { ...rest, allOf: allOf ?? [{ $ref: $ref! }] } : { ...rest, ...facts.schema };
      // A nested DTO: its schema already says `object`; keep only the ref.
      if (isRef) delete merged.type;
      if (Object.keys(facts.items).length > 0 && merged.items && !('$ref' in merged.items)) merged.items = { ...merged.items, ...facts.items };
      if (facts.optional) {
        merged.nullable = true;
        // With an enum, null must be listed too (JSON Schema reads the enum as the whole truth).
        if (Array.isArray(merged.enum) && !merged.enum.includes(null)) merged.enum = [...(merged.enum as unknown[]), null];
        required.delete(name);
      } else if (facts.conditional) {
        required.delete(name);
      } else {
        required.add(name);
      }
      schema.properties[name] = merged;
    }
    schema.required = [...required];
    if (schema.required.length === 0) delete schema.required;
  }
}

function errorEnvelopeSchema(): SchemaObject {
  return {
    type: 'object',
    required: ['statusCode', 'code', 'message', 'correlationId'],
    properties: {
      statusCode: { type: 'integer', minimum: 400, maximum: 599 },
      code: { type: 'string', enum: Object.values(ERROR_CODES) },
      message: { type: 'string', description: "In the caller's language (Accept-Language; zh-CN by default)" },
      details: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'label', 'message'],
          properties: {
            field: { type: 'string', description: "The field's path as sent (committed.production, nodes[2].kind); unchanged in every language" },
            label: { type: 'string', description: "The field's label in the caller's language (承诺投产日期, 第3个节点的类型)" },
            message: { type: 'string', description: "What is wrong, in the caller's language, naming the field by its label" },
          },
        },
      },
      correlationId: { type: 'string' },
    },
  };
}
