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
import { namesOfReferences, type ProjectHistoryRow, type Queryable } from '@zs/persistence';
import type { ReadableHistoryItemDto } from './dto/history.dto';

/**
 * Audit rows as people read them (issue 10): the actor's name, Chinese labels beside the codes,
 * the names of the people (departments, teams …) each payload names, and which subject the event
 * belongs to. One mapping for a project's history and the auditors' cross-project search;
 * `firstPosition` numbers the rows in the order given.
 */
export async function readableHistory(db: Queryable, rows: readonly ProjectHistoryRow[], firstPosition: number): Promise<ReadableHistoryItemDto[]> {
  const references = rows.map((r) => payloadReferences(r.payload));
  const names = await namesOfReferences(db, idsByKind(references.flat()));
  return rows.map((row, i) => historyItem(row, firstPosition + i, references[i], names));
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
