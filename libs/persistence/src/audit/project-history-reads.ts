// The auditor's reading of a project's history (issue 10): one ordering across the project and its
// service requests, a page at a time, with the names an auditor needs beside the ids.
import type { HistoryReferenceKind } from '@zs/domain';
import type { Queryable } from '../database';

/** One audit event of a project or of one of its service requests, as an auditor reads it. */
export interface ProjectHistoryRow {
  projectId: string;
  workflowId: string;
  runId: string;
  /** Sequence within its own workflow (a service request counts from 1 again). */
  seq: number;
  /** Position in the project's hash chain (its own and its requests' events, in writing order). */
  chainPos: number;
  occurredAt: Date;
  actorId: string;
  actorRole: string;
  /** The actor's display name; null for `system` or an id that is no user. */
  actorName: string | null;
  action: string;
  payload: Record<string, unknown>;
  stageBefore: string | null;
  stageAfter: string;
  /** The service request the event belongs to; null for the project's own events. */
  serviceRequestId: string | null;
  serviceRequestTitle: string | null;
}

/** An audit_events row selected with HISTORY_SELECT / HISTORY_JOINS. */
export interface HistoryRow {
  project_id: string;
  workflow_id: string;
  run_id: string;
  seq: number;
  chain_pos: string;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  actor_name: string | null;
  action: string;
  payload: Record<string, unknown>;
  stage_before: string | null;
  stage_after: string;
  service_request_id: string | null;
  service_request_title: string | null;
}

/**
 * A page of the project's history, oldest first: by time, then by position in the project's
 * chain (both the project's and its service requests' events are in that one chain), so the
 * order is total and stable across pages. A service request is recognised by its workflow id
 * (`service-request-<id>`), whether or not its read-model row is there yet.
 */
export async function projectHistoryPage(db: Queryable, projectId: string, page: { limit: number; offset: number }): Promise<{ rows: ProjectHistoryRow[]; total: number }> {
  const [rows, count]: [HistoryRow[], Array<{ total: string }>] = await Promise.all([
    db.query(
      `SELECT ${HISTORY_SELECT}
         FROM audit_events a ${HISTORY_JOINS}
        WHERE a.project_id = $1
        ORDER BY a.occurred_at, a.chain_pos, a.id
        LIMIT $2 OFFSET $3`,
      [projectId, page.limit, page.offset],
    ),
    db.query(`SELECT count(*)::text AS total FROM audit_events WHERE project_id = $1`, [projectId]),
  ]);
  return {
    total: Number(count[0]?.total ?? 0),
    rows: rows.map(toProjectHistoryRow),
  };
}

/**
 * The columns of a readable history row (`a` = audit_events, with HISTORY_JOINS): one source
 * for a project's history and the cross-project search (audit-event-search.ts).
 */
export const HISTORY_SELECT = `a.project_id::text AS project_id, a.workflow_id, a.run_id, a.seq, a.chain_pos, a.occurred_at, a.actor_id, a.actor_role,
              u.display_name AS actor_name, a.action, a.payload, a.stage_before, a.stage_after,
              CASE WHEN a.workflow_id LIKE 'service-request-%' THEN COALESCE(sr.id::text, substr(a.workflow_id, length('service-request-') + 1)) END AS service_request_id,
              sr.state->>'title' AS service_request_title`;

export const HISTORY_JOINS = `LEFT JOIN users u ON u.id::text = a.actor_id
         LEFT JOIN service_requests sr ON sr.workflow_id = a.workflow_id`;

export function toProjectHistoryRow(r: HistoryRow): ProjectHistoryRow {
  return {
    projectId: r.project_id,
    workflowId: r.workflow_id,
    runId: r.run_id,
    seq: r.seq,
    chainPos: Number(r.chain_pos),
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    actorName: r.actor_name,
    action: r.action,
    payload: r.payload,
    stageBefore: r.stage_before,
    stageAfter: r.stage_after,
    serviceRequestId: r.service_request_id,
    serviceRequestTitle: r.service_request_title,
  };
}

const NAME_QUERIES: Record<HistoryReferenceKind, string> = {
  user: `SELECT id::text AS id, display_name AS name FROM users WHERE id::text = ANY($1::text[])`,
  department: `SELECT id::text AS id, name FROM departments WHERE id::text = ANY($1::text[])`,
  team: `SELECT id::text AS id, name FROM teams WHERE id::text = ANY($1::text[])`,
  industry_chain: `SELECT id::text AS id, name FROM industry_chains WHERE id::text = ANY($1::text[])`,
  campaign: `SELECT id::text AS id, name FROM campaigns WHERE id::text = ANY($1::text[])`,
};

/**
 * The names of the ids of each kind (users' display names, departments', teams', chains' and
 * campaigns' names), inactive ones included: a history names who acted then. Ids compared as
 * text, so a malformed id simply finds nothing.
 */
export async function namesOfReferences(db: Queryable, ids: Partial<Record<HistoryReferenceKind, readonly string[]>>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    (Object.keys(ids) as HistoryReferenceKind[]).map(async (kind) => {
      const unique = [...new Set(ids[kind] ?? [])];
      if (unique.length === 0) return;
      const rows: Array<{ id: string; name: string }> = await db.query(NAME_QUERIES[kind], [unique]);
      for (const row of rows) names.set(`${kind}:${row.id}`, row.name);
    }),
  );
  return names;
}

