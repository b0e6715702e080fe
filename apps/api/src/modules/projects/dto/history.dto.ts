import { ApiProperty } from '@nestjs/swagger';
import { HISTORY_REFERENCE_KINDS, HISTORY_SUBJECT_KINDS, STAGES, type HistoryReferenceKind, type HistorySubjectKind } from '@zs/domain';

/** What an event is about: the project itself or one of its service requests. */
export class HistorySubjectDto {
  @ApiProperty({ enum: HISTORY_SUBJECT_KINDS })
  kind!: HistorySubjectKind;

  @ApiProperty({ example: '服务请求', description: '项目 or 服务请求' })
  kindLabel!: string;

  @ApiProperty({ format: 'uuid', description: "The project's id, or the service request's id" })
  id!: string;

  @ApiProperty({ nullable: true, type: String, description: "The service request's title (null for the project)" })
  title!: string | null;
}

/** An id the payload names (a commissioner, a responsible person, an owner, a department …) with its name. */
export class HistoryReferenceDto {
  @ApiProperty({ example: 'commissionerUserId', description: 'Where in the payload, e.g. plan.nodes[2].responsibleUserId' })
  field!: string;

  @ApiProperty({ enum: HISTORY_REFERENCE_KINDS })
  kind!: HistoryReferenceKind;

  @ApiProperty({ example: '人员' })
  kindLabel!: string;

  @ApiProperty()
  id!: string;

  @ApiProperty({ nullable: true, type: String, example: '李专员', description: 'null when the id names nothing known' })
  name!: string | null;
}

/** An audit event as recorded (codes, ids, payload): also what a step outcome answers. */
export class HistoryItemDto {
  @ApiProperty({ description: 'Sequence within its own workflow (a service request counts from 1)' })
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ description: 'User id, or "system" for timers' })
  actorId!: string;

  @ApiProperty()
  actorRole!: string;

  @ApiProperty({ example: 'intake.accepted' })
  action!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload!: Record<string, unknown>;

  @ApiProperty({ enum: STAGES, nullable: true, type: String })
  stageBefore!: string | null;

  @ApiProperty({ enum: STAGES })
  stageAfter!: string;

  @ApiProperty()
  workflowId!: string;

  @ApiProperty()
  runId!: string;
}

/** The recorded event with what an auditor needs to read it: names, Chinese labels, its subject and its place in the one ordering. */
export class ReadableHistoryItemDto extends HistoryItemDto {
  @ApiProperty({ description: 'Position in this history (1 = the oldest event), across the project and its service requests' })
  position!: number;

  @ApiProperty({ description: "Position in the project's SM3 hash chain (the tie-break after the time)" })
  chainPos!: number;

  @ApiProperty({ type: HistorySubjectDto })
  subject!: HistorySubjectDto;

  @ApiProperty({ nullable: true, type: String, example: '王专员', description: '系统 for timers; null when the id is no user' })
  actorName!: string | null;

  @ApiProperty({ example: '招商专员' })
  actorRoleLabel!: string;

  @ApiProperty({ example: '研判通过，予以承接' })
  actionLabel!: string;

  @ApiProperty({ type: [HistoryReferenceDto], description: 'The people (and departments, teams, chains, campaigns) the payload names, with their names' })
  references!: HistoryReferenceDto[];

  @ApiProperty({ nullable: true, type: String, example: '48小时研判' })
  stageBeforeLabel!: string | null;

  @ApiProperty({ example: '洽谈' })
  stageAfterLabel!: string;
}

/** One page of the history, oldest first (by time, then chain position): the project's and its service requests' events in one order. */
export class HistoryDto {
  @ApiProperty({ type: [ReadableHistoryItemDto] })
  items!: ReadableHistoryItemDto[];

  @ApiProperty({ description: 'All events of the project and its service requests' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
