import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectState } from '@zs/domain';
import { decimalTransformer } from './decimal.transformer';

/** Read model of one project, written only by the workflow's recordProjectEvent activity. */
@Entity({ name: 'projects' })
export class ProjectEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ name: 'run_id', type: 'text' })
  runId!: string;

  @Column({ name: 'company_name', type: 'text' })
  companyName!: string;

  @Column({ name: 'industry_chain', type: 'text' })
  industryChain!: string;

  @Column({ name: 'estimated_investment_yi', type: 'numeric', precision: 14, scale: 4, transformer: decimalTransformer })
  estimatedInvestmentYi!: number;

  @Column({ name: 'source_channel', type: 'text' })
  sourceChannel!: string;

  @Column({ name: 'info_grade', type: 'text' })
  infoGrade!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'boolean' })
  overdue!: boolean;

  /** Sequence of the last audit event applied; a late retry of an older event never overwrites a newer state. */
  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'jsonb' })
  state!: ProjectState;
}
