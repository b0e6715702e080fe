import { ApiProperty } from '@nestjs/swagger';

const LINK_PROBLEMS = ['content_altered', 'prev_hash_differs', 'position_missing', 'position_repeated', 'unchained_record', 'record_not_in_ledger', 'record_in_ledger_twice'] as const;
const TABLES = ['audit_events', 'admin_audit_events', 'security_events'] as const;

/** Chinese labels of what a broken link means, defined once for the route and the CLI. */
export const LINK_PROBLEM_LABELS: Record<(typeof LINK_PROBLEMS)[number], string> = {
  content_altered: '记录内容被改动（重新计算的 SM3 与存储的不符）',
  prev_hash_differs: '前序哈希不符（记录被删除、插入或调换）',
  position_missing: '链位置缺失（记录被删除）',
  position_repeated: '链位置重复（记录被插入或复制）',
  unchained_record: '记录未入链（绕过应用写入）',
  record_not_in_ledger: '记录不在全局账本中',
  record_in_ledger_twice: '记录在全局账本中出现多次',
};

export class BrokenLinkDto {
  @ApiProperty({ enum: TABLES })
  table!: string;

  @ApiProperty({ example: 'project:6f1c2a8e-…', description: "The chain: `project:<id>` (a project's events), `admin`, or `security`" })
  chain!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Position of the first broken link in its chain' })
  chainPos!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'The row id of the record' })
  recordId!: string | null;

  @ApiProperty({ enum: LINK_PROBLEMS })
  problem!: string;

  @ApiProperty({ example: '记录内容被改动（重新计算的 SM3 与存储的不符）' })
  problemLabel!: string;

  @ApiProperty({ required: false, description: 'What the chain expects there (a hash in hex, or a position)' })
  expected?: string;

  @ApiProperty({ required: false, description: 'What is stored or recomputed there' })
  actual?: string;
}

export class LedgerProblemDto {
  @ApiProperty({ enum: ['gap', 'entry_without_record'] })
  problem!: string;

  @ApiProperty({ type: 'integer' })
  pos!: number;

  @ApiProperty()
  detail!: string;
}

export class CheckpointProblemDto {
  @ApiProperty({ enum: ['file', 'database'] })
  store!: string;

  @ApiProperty({ type: 'integer' })
  pos!: number;

  @ApiProperty({ enum: ['signature_invalid', 'head_differs', 'beyond_ledger_end', 'unreadable_line', 'missing_from_database'] })
  problem!: string;

  @ApiProperty()
  detail!: string;
}

export class CheckpointSummaryDto {
  @ApiProperty({ type: 'integer', description: 'Checkpoints in the append-only file' })
  file!: number;

  @ApiProperty({ type: 'integer', description: 'Checkpoints in audit_checkpoints' })
  database!: number;

  @ApiProperty({ type: 'integer', description: 'Checkpoints whose signature and head both verified' })
  verified!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The latest verified ledger position (history after it is chained but not yet signed)' })
  latestPos!: number | null;

  @ApiProperty({ type: [CheckpointProblemDto] })
  problems!: CheckpointProblemDto[];
}

export class RecordCountsDto {
  @ApiProperty({ type: 'integer' })
  audit_events!: number;

  @ApiProperty({ type: 'integer' })
  admin_audit_events!: number;

  @ApiProperty({ type: 'integer' })
  security_events!: number;
}

/** GET /audit/verify: the whole record recomputed. */
export class VerificationReportDto {
  @ApiProperty({ description: 'true when every chain, the ledger and every checkpoint verified' })
  intact!: boolean;

  @ApiProperty({ example: '审计记录完整：所有哈希链、全局账本和签名检查点均验证通过' })
  summary!: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: RecordCountsDto })
  records!: RecordCountsDto;

  @ApiProperty({ type: 'integer' })
  chains!: number;

  @ApiProperty({ type: 'integer' })
  ledgerEntries!: number;

  @ApiProperty({ type: 'integer', description: 'Records written but not yet sealed into the ledger (the worker seals them every AUDIT_SEAL_INTERVAL_MS)' })
  queuedEntries!: number;

  @ApiProperty({ type: [BrokenLinkDto], description: 'Per broken chain, its first broken link (at most 100)' })
  brokenChains!: BrokenLinkDto[];

  @ApiProperty({ type: [LedgerProblemDto] })
  ledgerProblems!: LedgerProblemDto[];

  @ApiProperty({ type: CheckpointSummaryDto })
  checkpoints!: CheckpointSummaryDto;

  @ApiProperty({ type: String, nullable: true, description: 'Why checkpoints could not be verified (no public key configured)' })
  publicKeyProblem!: string | null;
}
