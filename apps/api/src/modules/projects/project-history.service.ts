import { Inject, Injectable } from '@nestjs/common';
import {
  auditActionLabel,
  HISTORY_REFERENCE_LABELS,
  HISTORY_SUBJECT_LABELS,
  isRole,
  isStage,
  payloadReferences,
  ROLE_LABELS,
  STAGE_LABELS,
  SYSTEM_ACTOR,
  SYSTEM_ACTOR_LABEL,
  type HistoryReference,
  type HistoryReferenceKind,
} from '@zs/domain';
import { namesOfReferences, projectHistoryPage, type Database, type ProjectHistoryRow } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { HistoryDto, ReadableHistoryItemDto } from './dto/history.dto';
import type { HistoryQuery } from './dto/history.query';
import { ProjectsQueryService } from './projects-query.service';

/**
 * The auditor's history (issue 10): the project's and its service requests' events in one
 * order, each with the actor's name, Chinese labels beside the codes, the names of the people
 * (departments, teams …) its payload names, and which subject it belongs to. The raw codes,
 * ids and payload stay as recorded, so nothing is lost in the reading.
 */
@Injectable()
export class ProjectHistoryService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly projects: ProjectsQueryService,
  ) {}

  async history(projectId: string, query: HistoryQuery): Promise<HistoryDto> {
    await this.projects.require(projectId);
    const offset = (query.page - 1) * query.pageSize;
    const { rows, total } = await projectHistoryPage(this.db, projectId, { limit: query.pageSize, offset });
    const references = rows.map((r) => payloadReferences(r.payload));
    const names = await namesOfReferences(this.db, idsByKind(references.flat()));
    return {
      items: rows.map((row, i) => historyItem(row, offset + i + 1, references[i], names)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

function idsByKind(refs: readonly HistoryReference[]): Partial<Record<HistoryReferenceKind, string[]>> {
  const ids: Partial<Record<HistoryReferenceKind, string[]>> = {};
  for (const ref of refs) {
    if (ref.kind === 'user' && ref.id === SYSTEM_ACTOR.userId) continue;
    (ids[ref.kind] ??= []).push(ref.id);
  }
  return ids;
}

function historyItem(row: ProjectHistoryRow, position: number, refs: readonly HistoryReference[], names: ReadonlyMap<string, string>): ReadableHistoryItemDto {
  const isSystem = row.actorId === SYSTEM_ACTOR.userId;
  const subjectKind = row.serviceRequestId ? 'service_request' : 'project';
  return {
    position,
    seq: row.seq,
    chainPos: row.chainPos,
    occurredAt: row.occurredAt.toISOString(),
    subject: {
      kind: subjectKind,
      kindLabel: HISTORY_SUBJECT_LABELS[subjectKind],
      id: row.serviceRequestId ?? row.projectId,
      title: row.serviceRequestId ? row.serviceRequestTitle : null,
    },
    actorId: row.actorId,
    actorName: isSystem ? SYSTEM_ACTOR_LABEL : row.actorName,
    actorRole: row.actorRole,
    actorRoleLabel: isRole(row.actorRole) ? ROLE_LABELS[row.actorRole] : isSystem || row.actorRole === SYSTEM_ACTOR.role ? SYSTEM_ACTOR_LABEL : row.actorRole,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    payload: row.payload,
    references: refs.map((ref) => ({
      field: ref.field,
      kind: ref.kind,
      kindLabel: HISTORY_REFERENCE_LABELS[ref.kind],
      id: ref.id,
      name: ref.kind === 'user' && ref.id === SYSTEM_ACTOR.userId ? SYSTEM_ACTOR_LABEL : (names.get(`${ref.kind}:${ref.id}`) ?? null),
    })),
    stageBefore: row.stageBefore,
    stageBeforeLabel: stageLabel(row.stageBefore),
    stageAfter: row.stageAfter,
    stageAfterLabel: stageLabel(row.stageAfter) ?? row.stageAfter,
    workflowId: row.workflowId,
    runId: row.runId,
  };
}

function stageLabel(stage: string | null): string | null {
  if (stage === null) return null;
  return isStage(stage) ? STAGE_LABELS[stage] : stage;
}
