import type { Queryable, Transaction } from '../database';
import { nameBigrams, normaliseCompanyName, ownershipOf, substringGrams, type ProjectState, type ServiceRequestState } from '@zs/domain';
import { replaceProjectTasks, replaceServiceRequestTasks } from '../tasks/pending-task-writes';

/**
 * The project read model after an event. Moves only forward: an older batch retried late
 * never overwrites a newer state (last_seq). The list columns (issue 10) are all derived from the
 * state, so every event rewrites them: an ownership reassignment or a signing shows in filters at once.
 * So are the project's rows of pending_tasks (issue 12), replaced in the same transaction when the
 * read model moved (not by an older batch retried late).
 */
export async function writeProjectReadModel(tx: Transaction, workflowId: string, runId: string, state: ProjectState, at: number): Promise<void> {
  const lead = state.lead;
  const ownership = ownershipOf(state);
  const normalized = normaliseCompanyName(lead.companyName);
  const written: Array<{ id: string }> = await tx.query(
    `INSERT INTO projects
       (id, workflow_id, run_id, company_name, industry_chain, estimated_investment_yi, source_channel,
        info_grade, kind, stage, overdue, last_seq, registered_by, registered_at, updated_at, state,
        normalized_name, name_bigrams, credit_code, fortune500, fortune500_lists, listed_company, specialized_sme, specialized_sme_level,
        origin, reporter_user_id, reporter_department_id, owner_user_id, owner_team_id, owner_department_id, campaign_id,
        signed_on, contract_investment_yi, imported, company_name_grams)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
             $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35)
     ON CONFLICT (id) DO UPDATE SET
       run_id = EXCLUDED.run_id, stage = EXCLUDED.stage, overdue = EXCLUDED.overdue,
       last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at, state = EXCLUDED.state,
       reporter_user_id = EXCLUDED.reporter_user_id, reporter_department_id = EXCLUDED.reporter_department_id,
       owner_user_id = EXCLUDED.owner_user_id, owner_team_id = EXCLUDED.owner_team_id,
       owner_department_id = EXCLUDED.owner_department_id, campaign_id = EXCLUDED.campaign_id,
       signed_on = EXCLUDED.signed_on, contract_investment_yi = EXCLUDED.contract_investment_yi, imported = EXCLUDED.imported
     WHERE projects.last_seq < EXCLUDED.last_seq
     RETURNING id`,
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
      new Date(at),
      JSON.stringify(state),
      normalized,
      nameBigrams(normalized),
      lead.creditCode ?? null,
      lead.fortune500,
      lead.fortune500Lists ?? [],
      lead.listedCompany ?? null,
      lead.specializedSme,
      lead.specializedSmeLevel ?? null,
      lead.origin ?? null,
      ownership.reporter.userId,
      ownership.reporter.departmentId,
      ownership.owner?.userId ?? null,
      ownership.owner?.teamId ?? null,
      ownership.owner?.departmentId ?? null,
      ownership.campaignId,
      state.contract?.signedOn ?? null,
      state.contract?.contractInvestmentYi ?? null,
      state.imported != null,
      substringGrams(lead.companyName),
    ],
  );
  if (written.length > 0) await replaceProjectTasks(tx, state);
}

/** The service request read model after an event, and its rows of pending_tasks; forward only, as the project's. */
export async function writeServiceRequestReadModel(tx: Transaction, workflowId: string, state: ServiceRequestState, at: number): Promise<void> {
  const written: Array<{ id: string }> = await tx.query(
    `INSERT INTO service_requests (id, project_id, workflow_id, status, category, department, last_seq, raised_at, updated_at, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET
       status = EXCLUDED.status, department = EXCLUDED.department, last_seq = EXCLUDED.last_seq,
       updated_at = EXCLUDED.updated_at, state = EXCLUDED.state
     WHERE service_requests.last_seq < EXCLUDED.last_seq
     RETURNING id`,
    [state.requestId, state.projectId, workflowId, state.status, state.category, state.department, state.seq, new Date(state.raisedAt), new Date(at), JSON.stringify(state)],
  );
  if (written.length > 0) await replaceServiceRequestTasks(tx, workflowId, state);
}

/** A workflow's read-model row as stored: its state and the sequence it reflects. */
export interface StoredReadModel<S> {
  lastSeq: number;
  state: S;
}

export async function readProjectReadModel(db: Queryable, projectId: string): Promise<StoredReadModel<ProjectState> | null> {
  const rows: Array<{ last_seq: number; state: ProjectState }> = await db.query(`SELECT last_seq, state FROM projects WHERE id = $1`, [projectId]);
  return rows[0] ? { lastSeq: rows[0].last_seq, state: rows[0].state } : null;
}

export async function readServiceRequestReadModel(db: Queryable, workflowId: string): Promise<StoredReadModel<ServiceRequestState> | null> {
  const rows: Array<{ last_seq: number; state: ServiceRequestState }> = await db.query(`SELECT last_seq, state FROM service_requests WHERE workflow_id = $1`, [workflowId]);
  return rows[0] ? { lastSeq: rows[0].last_seq, state: rows[0].state } : null;
}
