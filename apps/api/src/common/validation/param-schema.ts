/**
 * What a path-parameter pipe accepts, as an OpenAPI schema, attached to the pipe itself so the
 * document (apps/api/src/openapi) is derived from the same object that validates: one definition.
 */
export const PARAM_SCHEMA = Symbol.for('zs:openapi:param-schema');

export type ParamSchema = Readonly<Record<string, unknown>>;

export function withParamSchema<T extends object>(pipe: T, schema: ParamSchema): T {
  Object.defineProperty(pipe, PARAM_SCHEMA, { value: schema, enumerable: false });
  return pipe;
}

export function paramSchemaOf(pipe: unknown): ParamSchema | undefined {
  return typeof pipe === 'object' && pipe !== null ? (pipe as { [PARAM_SCHEMA]?: ParamSchema })[PARAM_SCHEMA] : undefined;
}
