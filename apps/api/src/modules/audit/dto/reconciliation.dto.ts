import { ApiProperty } from '@nestjs/swagger';
import { DISCREPANCY_KINDS, type DiscrepancyKind } from '@zs/domain';

const STREAMS = ['project', 'service_request'] as const;

/** One difference between a workflow's Temporal history and the database. */
export class DiscrepancyDto {
  @ApiProperty({
    enum: DISCREPANCY_KINDS,
    description:
      'missing: in the history, not in the audit log · phantom: in the audit log (verifiable range), not in the history · altered: same seq, other content · duplicate: a seq, an update id or an escalation recorded twice · out_of_order: gap, rows or times out of sequence, broken stage chain · state_mismatch: read model ≠ the state after the last event',
  })
  kind!: DiscrepancyKind;

  @ApiProperty({ example: '缺失（工作流历史中有，数据库中无）', description: 'The kind in Chinese' })
  kindLabel!: string;

  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ example: 'project-6f1c2a8e-…', description: "The workflow whose records differ (the project's, or a service request's)" })
  workflowId!: string;

  @ApiProperty({ enum: STREAMS })
  stream!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The audit sequence number concerned, when there is one' })
  seq!: number | null;

  @ApiProperty({ example: 'event 3 (negotiation.contact_recorded) is in the workflow history but not in the audit log' })
  message!: string;

  @ApiProperty({ example: '事件 3（negotiation.contact_recorded）在工作流历史中，审计日志中没有' })
  messageZh!: string;

  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
    description: 'The version the workflow history holds (an audit event, a state, or { lastSeq }), when relevant',
  })
  inHistory!: unknown;

  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
    description: 'The version the database holds (an audit row with its rowId, several rows, a read-model state, or { lastSeq }), when relevant',
  })
  inDatabase!: unknown;
}

/** What was compared for one workflow. */
export class ReconciledWorkflowDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty()
  workflowId!: string;

  @ApiProperty({ enum: STREAMS })
  stream!: string;

  @ApiProperty({ description: 'Distinct sequence numbers looked at' })
  checkedEvents!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The first seq the history vouches for; earlier events (written before issue 8, or of runs past retention) are checked for continuity only. Null: none',
  })
  verifiableFromSeq!: number | null;

  @ApiProperty({ description: 'Audit rows before verifiableFromSeq' })
  unverifiableEvents!: number;

  @ApiProperty({ description: 'Events of a projection still in flight, not yet in the database (not a discrepancy)' })
  pendingEvents!: number;

  @ApiProperty()
  discrepancies!: number;
}

/** 对账结果: the audit log and read models against each workflow's own history. */
export class ReconciliationReportDto {
  @ApiProperty({ description: 'Workflows compared (projects and their service requests)' })
  checkedWorkflows!: number;

  @ApiProperty({ description: 'Audit events compared (distinct sequence numbers, summed over workflows)' })
  checkedEvents!: number;

  @ApiProperty({ description: 'Of those, events only checked for continuity (recorded before issue 8)' })
  unverifiableEvents!: number;

  @ApiProperty({ description: 'Events whose projection is still in flight' })
  pendingEvents!: number;

  @ApiProperty({ type: [DiscrepancyDto], description: 'Every discrepancy found; empty when both records agree' })
  discrepancies!: DiscrepancyDto[];

  @ApiProperty({ type: [ReconciledWorkflowDto] })
  workflows!: ReconciledWorkflowDto[];

  @ApiProperty({ description: 'The page of projects' })
  page!: number;

  @ApiProperty({ description: 'Projects per page' })
  pageSize!: number;

  @ApiProperty({ description: 'Projects known to the database (1 with projectId)' })
  total!: number;
}
