import { ApiProperty } from '@nestjs/swagger';
import { STAGES } from '@zs/domain';
import { PageDtoOf } from '../../../common/http/page.dto';
import { ReadableHistoryItemDto } from '../../projects/dto/history.dto';

/** A found event: the history item as GET /projects/:id/history gives it, and the project it belongs to. */
export class AuditEventItemDto extends ReadableHistoryItemDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ type: String, nullable: true, example: '株洲智造动力科技有限公司', description: "The project's company name (null when its read-model row is missing)" })
  companyName!: string | null;
}

export const AuditEventPageDto = PageDtoOf(AuditEventItemDto, 'AuditEventPage');

/** A signed statement of the global ledger's head (see GET /audit/verify). */
export class ExportCheckpointDto {
  @ApiProperty({ type: 'integer', description: 'The ledger position signed' })
  pos!: number;

  @ApiProperty({ description: 'The global head after that position (hex)' })
  headHash!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: "The first 16 hex digits of the SHA-256 of the signing key's public key (SPKI DER)" })
  keyId!: string;

  @ApiProperty({ description: 'Ed25519 signature (base64) of JSON ["zhaoshang-audit-checkpoint-v1", "<pos>", headHash, at, keyId] (UTF-8)' })
  signature!: string;
}

/** One record's link in its chain, as an outsider re-verifies it. */
export class RecordProofDto {
  @ApiProperty({ type: 'integer' })
  chainPos!: number;

  @ApiProperty({ description: 'Hex; 64 zeros for the first record of the chain' })
  prevHash!: string;

  @ApiProperty({ description: 'Hex: SM3(bytes(prevHash) ‖ UTF-8(sealedForm))' })
  hash!: string;

  @ApiProperty({ description: 'The exact text hashed: JSON ["audit_events", [[column, value] …]] (see docs/audit-export.md)' })
  sealedForm!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Position in the global ledger; null while waiting to be sealed' })
  ledgerPos!: number | null;

  @ApiProperty({ description: 'The exported checkpoint signs a ledger position at or after this record’s' })
  coveredByCheckpoint!: boolean;
}

export class ProvenRecordDto {
  @ApiProperty({ type: ReadableHistoryItemDto })
  event!: ReadableHistoryItemDto;

  @ApiProperty({ type: RecordProofDto })
  proof!: RecordProofDto;
}

export class ExportedProjectDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  companyName!: string | null;
}

/** 导出项目历史: format zhaoshang-audit-export-v1 (docs/audit-export.md). */
export class ProjectHistoryExportDto {
  @ApiProperty({ example: 'zhaoshang-audit-export-v1' })
  format!: string;

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: ExportedProjectDto })
  project!: ExportedProjectDto;

  @ApiProperty({ example: 'project:6f1c2a8e-…', description: "The project's chain" })
  chain!: string;

  @ApiProperty({ example: 'SM3 (GB/T 32905-2016)' })
  hashAlgorithm!: string;

  @ApiProperty({ description: 'How to re-verify, in Chinese' })
  howToVerify!: string;

  @ApiProperty({ type: [ProvenRecordDto], description: 'Every record of the chain, in chain order' })
  records!: ProvenRecordDto[];

  @ApiProperty({ type: ExportCheckpointDto, nullable: true, description: 'The latest signed checkpoint; null before the first' })
  checkpoint!: ExportCheckpointDto | null;

  @ApiProperty({ type: String, nullable: true, description: "The checkpoints' public key (PEM) as this installation has it: compare it with the one published before trusting it" })
  publicKeyPem!: string | null;
}

/** The key fields of the project's state at the instant (from the workflow's own record of its state). */
export class StateFieldsDto {
  @ApiProperty()
  companyName!: string;

  @ApiProperty()
  industryChain!: string;

  @ApiProperty()
  estimatedInvestmentYi!: number;

  @ApiProperty({ type: String, nullable: true, description: "The owning officer's name" })
  ownerName!: string | null;

  @ApiProperty({ description: 'Some running clock had passed its deadline' })
  overdue!: boolean;

  @ApiProperty({ type: String, nullable: true })
  contractNo!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  contractInvestmentYi!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  signedOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  commissionerName!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Milestones completed (null before the plan)' })
  milestonesCompleted!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  milestonesTotal!: number | null;
}

/** 某日状态: the project at a past instant. */
export class ProjectStateAsOfDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({ format: 'date-time', description: 'When the project was registered (its first event)' })
  registeredAt!: string;

  @ApiProperty({ enum: STAGES })
  stage!: string;

  @ApiProperty({ example: '洽谈' })
  stageLabel!: string;

  @ApiProperty({ type: 'integer', description: "The project's own events up to the instant (its service requests' are apart)" })
  eventsUpTo!: number;

  @ApiProperty({ type: ReadableHistoryItemDto, description: 'The last event at or before the instant' })
  lastEvent!: ReadableHistoryItemDto;

  @ApiProperty({ enum: ['workflow_history', 'audit_log'], description: "workflow_history: the state the workflow recorded after that event (its Temporal history, as the reconciler reads it); audit_log: Temporal keeps that run no more, only the stage is known" })
  stateSource!: 'workflow_history' | 'audit_log';

  @ApiProperty({ example: '工作流历史' })
  stateSourceLabel!: string;

  @ApiProperty({ type: StateFieldsDto, nullable: true })
  state!: StateFieldsDto | null;
}
