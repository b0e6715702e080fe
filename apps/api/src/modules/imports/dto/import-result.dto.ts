import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_STAGES } from '@zs/domain';

export class ImportRowResultDto {
  @ApiProperty({ description: 'Row number (1-based; in a file the header is not counted; in JSON the position in `records`)' })
  row!: number;
  @ApiProperty({ format: 'uuid' })
  projectId!: string;
  @ApiProperty()
  workflowId!: string;
  @ApiProperty()
  companyName!: string;
  @ApiProperty({ enum: IMPORT_STAGES })
  stage!: string;
  @ApiProperty({ description: 'Its workflow is started (a retry of the same import starts the others)' })
  started!: boolean;
}

export class ImportedByDto {
  @ApiProperty() userId!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
}

export class ImportResultDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: ImportedByDto })
  importedBy!: ImportedByDto;
  @ApiProperty({ format: 'date-time' })
  importedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The uploaded file; null for a JSON batch' })
  fileName!: string | null;
  @ApiProperty({ description: 'SHA-256 of the file (of the JSON records for a batch): the same content is imported once' })
  sha256!: string;
  @ApiProperty()
  rowCount!: number;
  @ApiProperty({ enum: ['starting', 'started'], description: 'started: every row\'s workflow runs' })
  status!: 'starting' | 'started';
  @ApiProperty()
  startedCount!: number;
  @ApiProperty({ description: 'This request repeated an earlier import (same content or Idempotency-Key): nothing new was created' })
  duplicate!: boolean;
  @ApiProperty({ type: [ImportRowResultDto] })
  rows!: ImportRowResultDto[];
}
