import type { DataSource } from 'typeorm';
import type { RecordServiceRequestEventInput } from '@zs/contracts';
import { serviceClockRecords } from '@zs/domain';
import { appendAuditEvent } from './audit-event-writer';
import { writeClockRecords } from './sla/sla-clock-writer';

/** The service request's audit event (in its project's history) and read model, in one idempotent transaction. */
export function createRecordServiceRequestEvent(dataSource: DataSource) {
  return async function recordServiceRequestEvent({ workflowId, runId, state, audit }: RecordServiceRequestEventInput): Promise<void> {
    await dataSource.transaction(async (tx) => {
      await appendAuditEvent(tx, state.projectId, workflowId, runId, audit);
      await tx.query(
        `INSERT INTO service_requests (id, project_id, workflow_id, status, category, department, last_seq, raised_at, updated_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET
           status = EXCLUDED.status, department = EXCLUDED.department, last_seq = EXCLUDED.last_seq,
           updated_at = EXCLUDED.updated_at, state = EXCLUDED.state
         WHERE service_requests.last_seq < EXCLUDED.last_seq`,
        [state.requestId, state.projectId, workflowId, state.status, state.category, state.department, state.seq, new Date(state.raisedAt), new Date(audit.at), JSON.stringify(state)],
      );
      await writeClockRecords(tx, workflowId, state.seq, audit.at, serviceClockRecords(workflowId, state, audit.at));
    });
  };
}
