/** One field's problem as the API names it (`field` is the path code, `label` its name for people). */
export interface FieldProblem {
  field: string;
  label?: string;
  message: string;
}

/** The API's error envelope, or a network failure (status 0), as one error type for the pages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
    readonly correlationId?: string,
  ) {
    super(message);
  }

  static fromEnvelope(status: number, body: unknown): ApiError {
    const e = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const details = Array.isArray(e.details) ? (e.details as FieldProblem[]) : [];
    return new ApiError(status, String(e.code ?? 'INTERNAL'), String(e.message ?? ''), details, e.correlationId as string | undefined);
  }
}

/**
 * Field problems grouped by the form field they belong to: `nodes[2].dueDate` → ['nodes', 2, 'dueDate'],
 * so an Ant Design form shows each message next to its field; the rest is shown above the form.
 */
export function fieldErrorsOf(details: readonly FieldProblem[]): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const d of details) {
    if (!d.field || d.field === 'body') continue;
    byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
  }
  return [...byField].map(([field, errors]) => ({ name: fieldPath(field), errors }));
}

export function fieldPath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
