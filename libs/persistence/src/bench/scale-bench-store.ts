import type { ProjectState } from '@zs/domain';
import { inTransaction, type Database, type Queryable } from '../database';
import { writeProjectFacts } from '../kpis/project-facts-store';
import { writeProjectReadModel } from '../projection/read-models';

/** A closed project of an earlier year as `npm run bench:scale` stores it: no workflow behind it. */
export interface ArchivedProjectRow {
  workflowId: string;
  /** The run that closed it long ago; the bench makes one up (the row only names it). */
  runId: string;
  state: ProjectState;
  /** When the read model was last written (the closing step). */
  at: number;
}

/**
 * Writes archived projects' read-model rows and KPI facts with the projection's own writers
 * (writeProjectReadModel, writeProjectFacts), so their rows have exactly the shape a closed
 * workflow leaves behind, in one transaction per batch. For `npm run bench:scale` only: a
 * portfolio of 100,000 projects whose closed ones cannot be driven through workflows in minutes.
 * No audit events are written: the reconciler would report these rows (a bench database only).
 */
export async function writeArchivedProjects(db: Database, rows: readonly ArchivedProjectRow[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    for (const row of rows) {
      await writeProjectReadModel(tx, row.workflowId, row.runId, row.state, row.at);
      await writeProjectFacts(tx, row.state);
    }
  });
}

/** Projects in the read model by whether their stage is one of `stages` (the bench's fill counters). */
export async function countProjectsInStages(db: Queryable, stages: readonly string[]): Promise<number> {
  const [{ n }]: Array<{ n: string }> = await db.query(`SELECT count(*) AS n FROM projects WHERE stage = ANY($1::text[])`, [stages]);
  return Number(n);
}

/** One clock's alert as recorded: its deadline (sla_clocks) and when the alert row was written. */
export interface RecordedAlert {
  projectId: string;
  deadlineAt: number;
  /** notifications.created_at: the start of the transaction of the activity that wrote the alert. */
  recordedAt: number;
}

/**
 * The alert of threshold `threshold` of clock `clock` for each of `projectIds` that has one yet,
 * with the clock's deadline: the bench's lateness of overdue alerts (recorded − deadline).
 */
export async function recordedSlaAlerts(db: Queryable, projectIds: readonly string[], clock: string, threshold: string): Promise<RecordedAlert[]> {
  const rows: Array<{ project_id: string; deadline_at: Date; created_at: Date }> = await db.query(
    `SELECT n.project_id, c.deadline_at, n.created_at
       FROM notifications n
       JOIN sla_clocks c ON c.project_id = n.project_id AND c.clock = $2 AND c.request_id IS NULL
      WHERE n.project_id = ANY($1::uuid[]) AND n.kind = 'sla.escalated'
        AND n.data->>'clock' = $2 AND n.data->>'threshold' = $3`,
    [projectIds, clock, threshold],
  );
  return rows.map((r) => ({ projectId: r.project_id, deadlineAt: r.deadline_at.getTime(), recordedAt: r.created_at.getTime() }));
}
