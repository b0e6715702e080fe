/**
 * What a record's hash covers: every column of its row, in a fixed order, in one canonical
 * text. The writer builds the row it inserts and the verifier the row it reads through the
 * same function, so the two agree unless a stored value changed.
 */

export const SEALED_TABLES = ['audit_events', 'admin_audit_events', 'security_events'] as const;
export type SealedTable = (typeof SEALED_TABLES)[number];

/** The columns each table's hash covers (all of them but `prev_hash` and `hash`, which chain it). */
export const SEALED_COLUMNS: Record<SealedTable, readonly string[]> = {
  audit_events: [
    'id', 'chain', 'chain_pos', 'project_id', 'workflow_id', 'run_id', 'seq', 'occurred_at', 'actor_id', 'actor_role',
    'action', 'payload', 'stage_before', 'stage_after', 'update_id', 'recorded_at',
  ],
  admin_audit_events: ['id', 'chain', 'chain_pos', 'at', 'actor_user_id', 'actor_role', 'action', 'subject', 'reason', 'payload'],
  security_events: ['id', 'chain', 'chain_pos', 'at', 'kind', 'outcome', 'actor_user_id', 'username', 'client_ip', 'subject', 'payload'],
};

/** bigint and integer columns: the driver reads bigints as strings, so both sides compare their decimal text. */
const NUMERIC_COLUMNS = new Set(['id', 'chain_pos', 'seq']);

export type SealedRow = Record<string, unknown>;

/** JSON with object keys sorted and undefined members left out, as jsonb gives them back. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

function normalise(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (NUMERIC_COLUMNS.has(column)) return String(value);
  if (typeof value === 'object') return sortKeys(value);
  return value;
}

/** The canonical text of a row of `table`: `[table, [column, value]…]` as JSON. */
export function sealedForm(table: SealedTable, row: SealedRow): string {
  return JSON.stringify([table, SEALED_COLUMNS[table].map((c) => [c, normalise(c, row[c])])]);
}

/** A payload as it will read back from jsonb (undefined members gone, dates as strings). */
export function asStoredJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? {})) as T;
}
