import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_PATTERN, parseIdempotencyKey } from '../common/idempotency/idempotency-key';
import { COMMITTED_OPENAPI_PATH, jsonDifferences, openApiJson, previewOpenApiDocument, REGENERATE_COMMAND } from './openapi-snapshot';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
function operations(doc: OpenAPIObject): { route: string; op: Json }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Json)[m]).map((m) => ({ route: `${m.toUpperCase()} ${path}`, op: (item as Json)[m] as Json })),
  );
}

describe('the OpenAPI document', () => {
  let doc: OpenAPIObject;
  beforeAll(async () => {
    doc = await previewOpenApiDocument();
  });

  it('is the committed apps/api/openapi.json', () => {
    const committed = JSON.parse(readFileSync(COMMITTED_OPENAPI_PATH, 'utf8')) as unknown;
    const differences = jsonDifferences(JSON.parse(openApiJson(doc)), committed);
    if (differences.length > 0) {
      throw new Error(`apps/api/openapi.json is stale at ${differences.slice(0, 10).join(', ')}: regenerate it with \`${REGENERATE_COMMAND}\` and commit it`);
    }
  });

  it('documents 401 with the error envelope on every authenticated operation, and only login/health are public', () => {
    const ops = operations(doc);
    const publicRoutes = ops.filter(({ op }) => !op.security).map(({ route }) => route);
    expect(publicRoutes).toEqual(expect.arrayContaining(['POST /auth/login', 'GET /health']));
    for (const { route, op } of ops) {
      if (publicRoutes.includes(route)) continue;
      expect({ route, security: op.security }).toEqual({ route, security: [{ bearer: [] }] });
      expect({ route, schema: op.responses['401']?.content?.['application/json']?.schema }).toEqual({ route, schema: { $ref: '#/components/schemas/ErrorEnvelope' } });
    }
  });

  it('gives every error response but Node’s bodiless 431 the envelope schema, and 503 everywhere', () => {
    for (const { route, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses as Json)) {
        if (Number(status) >= 400 && status !== '431') expect({ route, status, schema: response.content?.['application/json']?.schema }).toEqual({ route, status, schema: { $ref: '#/components/schemas/ErrorEnvelope' } });
      }
      expect({ route, has503: '503' in op.responses }).toEqual({ route, has503: true });
    }
  });

  it('derives request schemas from the validators: integers, ranges, lengths, closed bodies', () => {
    const schemas = doc.components!.schemas as Json;
    const page = (doc.paths['/projects'].get!.parameters as Json[]).find((p) => p.name === 'page')!;
    expect(page.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1_000_000 });
    const lead = schemas.RegisterLeadDto;
    expect(lead.additionalProperties).toBe(false);
    expect(lead.properties.companyName).toMatchObject({ type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' });
    expect(lead.properties.notes).toMatchObject({ type: 'string', maxLength: 2000, nullable: true });
    expect(lead.required).not.toContain('notes');
    // Nested request objects are closed too (the pipe whitelists them as well).
    expect(schemas.PlanNodeDto.additionalProperties).toBe(false);
    expect(schemas.PlanNodeDto.properties.todos.items).toMatchObject({ type: 'string', pattern: '\\S', maxLength: 2000 });
    // Response schemas stay open.
    expect(schemas.ProjectViewDto.additionalProperties).toBeUndefined();
  });

  it('types path ids from their pipes and the Idempotency-Key header from its parser', () => {
    const step = doc.paths['/projects/{id}/intake-decision'].post!;
    const params = step.parameters as Json[];
    expect(params.find((p) => p.name === 'id')!.schema).toMatchObject({ type: 'string', format: 'uuid' });
    const header = params.find((p) => p.in === 'header' && p.name === 'Idempotency-Key')!;
    expect(header.schema.pattern).toBe(IDEMPOTENCY_KEY_PATTERN.source);
    const documented = new RegExp(header.schema.pattern as string);
    for (const key of ['tour-001', 'a:b.c_d', 'x'.repeat(200), '', 'has space', 'x'.repeat(201), '键']) {
      let accepted = true;
      try {
        parseIdempotencyKey(key);
      } catch {
        accepted = false;
      }
      expect({ key, documented: documented.test(key) }).toEqual({ key, documented: accepted });
    }
    const kind = (doc.paths['/projects/{id}/milestones/{kind}/complete'].post!.parameters as Json[]).find((p) => p.name === 'kind')!;
    expect(kind.schema.enum).toContain('company_registration');
  });

  it('has no property typed as a bare object (a union type Nest could not see)', () => {
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(doc.components!.schemas as Json)) {
      for (const [prop, value] of Object.entries((schema.properties ?? {}) as Json)) {
        const v = value.type === 'array' ? value.items : value;
        if (v?.type === 'object' && !v.properties && !v.allOf && !v.$ref && v.additionalProperties === undefined) bare.push(`${name}.${prop}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
