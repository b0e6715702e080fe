import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '@zs/domain';

/** Appends one audit event; a retried write of the same (project, workflow, seq) is a no-op. */
export async function appendAuditEvent(tx: EntityManager, projectId: string, workflowId: string, runId: string, audit: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events
       (project_id, seq, occurred_at, actor_id, actor_role, action, payload, stage_before, stage_after, workflow_id, run_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (project_id, workflow_id, seq) DO NOTHING`,
    [projectId, audit.seq, new Date(audit.at), audit.actor.userId, audit.actor.role, audit.action, JSON.stringify(audit.payload), audit.stageBefore, audit.stageAfter, workflowId, runId],
  );
}
