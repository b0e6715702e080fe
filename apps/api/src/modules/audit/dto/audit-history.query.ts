import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTION_LABELS, SYSTEM_ACTOR } from '@zs/domain';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { IsDateTimeInRange } from '../../../common/validation/shape.decorators';

/** Every action code of the project audit log: the only values the search accepts. */
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS);

const UUID_OR_SYSTEM = new RegExp(`^(${SYSTEM_ACTOR.userId}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$`);
const timestamp = (property: string) => ({ message: `${property} must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00+08:00` });

/** 跨项目历史检索: every filter optional; from (included) and to (excluded) are instants with their offset. */
export class AuditEventsQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: `The acting user's id, or "${SYSTEM_ACTOR.userId}" for timers`, example: '6f1c2a8e-0000-4000-8000-000000000000' })
  @IsOptional()
  @Matches(UUID_OR_SYSTEM, { message: `actorUserId must be a user's UUID or "${SYSTEM_ACTOR.userId}"` })
  actorUserId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, description: 'An action code of the audit log (its Chinese label: GET /reference-data or the item’s actionLabel)' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'action must be an action of the audit log, e.g. intake.accepted' })
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events at or after this instant' })
  @IsDateTimeInRange()
  @IsOptional()
  @IsISO8601({ strict: true }, timestamp('from'))
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events before this instant' })
  @IsDateTimeInRange()
  @IsOptional()
  @IsISO8601({ strict: true }, timestamp('to'))
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The project's owning department (as GET /projects filters it)" })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One project (its own and its service requests’ events)' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;
}

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class HistoryExportQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json', description: 'json: the records with their proofs and the checkpoint (docs/audit-export.md); csv: one line per record with its proof' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'format must be json or csv' })
  format?: ExportFormat;
}

export class StateAsOfQuery {
  @ApiProperty({ format: 'date-time', description: 'The instant, with its offset, e.g. 2026-03-01T18:00:00+08:00' })
  @IsDateTimeInRange()
  @IsISO8601({ strict: true }, timestamp('asOf'))
  asOf!: string;
}
