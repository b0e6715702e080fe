import type { DataSource } from 'typeorm';
import type { RecordProjectEventInput } from '@zs/contracts';
import { projectClockRecords } from '@zs/domain';
import { appendAuditEvent } from './audit-event-writer';
import { writeClockRecords } from './sla/sla-clock-writer';

/**
 * Appends the audit event and refreshes the read model in one transaction.
 * Idempotent under retries: the (project, seq) key makes a repeat insert nothing, and the
 * read model only moves forward (a late, older event never overwrites a newer state).
 */
export function createRecordProjectEvent(dataSource: DataSource) {
  return async function recordProjectEvent({ workflowId, runId, state, audit }: RecordProjectEventInput): Promise<void> {
    const lead = state.lead;
    await dataSource.transaction(async (tx) => {
      await appendAuditEvent(tx, state.projectId, workflowId, runId, audit);
      await tx.query(
        `INSERT INTO projects
           (id, workflow_id, run_id, company_name, industry_chain, estimated_investment_yi, source_channel,
            info_grade, kind, stage, overdue, last_seq, registered_by, registered_at, updated_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (id) DO UPDATE SET
           run_id = EXCLUDED.run_id, stage = EXCLUDED.stage, overdue = EXCLUDED.overdue,
           last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at, state = EXCLUDED.state
         WHERE projects.last_seq < EXCLUDED.last_seq`,
        [
          state.projectId,
          workflowId,
          runId,
          lead.companyName,
          lead.industryChain,
          lead.estimatedInvestmentYi,
          lead.sourceChannel,
          lead.infoGrade,
          lead.kind,
          state.stage,
          state.overdue,
          state.seq,
          state.registeredBy.userId,
          new Date(state.registeredAt),
          new Date(audit.at),
          JSON.stringify(state),
        ],
      );
      await writeClockRecords(tx, workflowId, state.seq, audit.at, projectClockRecords(workflowId, state, audit.at, audit.stageBefore !== audit.stageAfter));
    });
  };
}
