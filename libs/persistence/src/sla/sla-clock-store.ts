import type { ClockRecord } from '@zs/domain';
import type { Transaction } from '../database';

/**
 * Refreshes the SLA read model (sla_clocks) for one workflow event, in the event's transaction.
 * Moves only forward (an older event retried late never overwrites a newer one); a clock started
 * again (transfer, reopening) closes the instance it replaces as 'superseded'.
 */
export async function writeSlaClockRecords(tx: Transaction, workflowId: string, seq: number, at: number, records: ClockRecord[]): Promise<void> {
  for (const r of records) {
    await tx.query(
      `INSERT INTO sla_clocks (id, workflow_id, project_id, request_id, company_name, subject, clock, policy_key, policy_version, department, stage,
                               started_at, deadline_at, paused_at, paused_ms, stopped_at, status, fired, last_seq, updated_at, breached_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (id) DO UPDATE SET
         policy_key = EXCLUDED.policy_key, policy_version = EXCLUDED.policy_version, department = EXCLUDED.department, stage = EXCLUDED.stage,
         deadline_at = EXCLUDED.deadline_at, paused_at = EXCLUDED.paused_at, paused_ms = EXCLUDED.paused_ms, stopped_at = EXCLUDED.stopped_at,
         status = EXCLUDED.status, fired = EXCLUDED.fired, last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at,
         -- The first event that sees the breach fixes its instant; a recalculation that lifts the breach clears it.
         breached_at = CASE WHEN EXCLUDED.breached_at IS NULL THEN NULL ELSE COALESCE(sla_clocks.breached_at, EXCLUDED.breached_at) END
       WHERE sla_clocks.last_seq < EXCLUDED.last_seq`,
      [
        r.id, workflowId, r.projectId, r.requestId, r.companyName, r.subject, r.clock, r.policyKey, r.policyVersion, r.department, r.stage,
        new Date(r.startedAt), new Date(r.deadlineAt), r.pausedAt === null ? null : new Date(r.pausedAt), r.pausedMs,
        r.stoppedAt === null ? null : new Date(r.stoppedAt), r.status, r.fired, seq, new Date(at),
        r.breachedAt === null ? null : new Date(r.breachedAt),
      ],
    );
    // Only a service request's clocks start again (transfer, reopening); a project's start once.
    if (r.requestId === null) continue;
    await tx.query(
      `UPDATE sla_clocks SET stopped_at = $4, status = 'superseded', last_seq = $5, updated_at = $4
       WHERE workflow_id = $1 AND clock = $2 AND id <> $3 AND stopped_at IS NULL AND started_at < $6`,
      [workflowId, r.clock, r.id, new Date(at), seq, new Date(r.startedAt)],
    );
  }
}
