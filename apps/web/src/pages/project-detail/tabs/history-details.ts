import { MILESTONE_KINDS, MILESTONE_LABELS } from '@zs/domain';

/** Payload facts a history entry shows, each under a label of the console's texts (projectTabs.history.field.*). */
export type HistoryDetailField = 'node' | 'level' | 'changes' | 'date' | 'amountYi' | 'reason' | 'note' | 'evidence' | 'missing' | 'response' | 'resolution' | 'comment';

/** Free texts people typed: shown as written. Codes (outcome, source, kind) are not among them. */
const TEXT_FIELDS = ['reason', 'note', 'evidence', 'missing', 'response', 'resolution', 'comment'] as const;

const milestoneLabel = (kind: unknown): string | null => (typeof kind === 'string' && kind in MILESTONE_LABELS ? MILESTONE_LABELS[kind as keyof typeof MILESTONE_LABELS] : null);

/**
 * What a history entry's payload says that a reader needs beside its action label: the node a
 * step was about, an escalation's level, a re-baselining's new due dates, a date, an amount, and the texts people typed.
 * Ids are not here (the API names them in `references`), nor English codes.
 */
export function historyDetails(payload: Record<string, unknown>): Array<{ field: HistoryDetailField; value: string }> {
  const details: Array<{ field: HistoryDetailField; value: string }> = [];
  const node = milestoneLabel(payload.kind);
  if (node) details.push({ field: 'node', value: node });
  if (typeof payload.level === 'number') details.push({ field: 'level', value: String(payload.level) });
  if (payload.changes && typeof payload.changes === 'object' && !Array.isArray(payload.changes)) {
    const changes = Object.entries(payload.changes as Record<string, unknown>)
      .filter(([kind, due]) => milestoneLabel(kind) && typeof due === 'string')
      // In the template's order, as the plan reads.
      .sort(([a], [b]) => MILESTONE_KINDS.indexOf(a as never) - MILESTONE_KINDS.indexOf(b as never))
      .map(([kind, due]) => `${milestoneLabel(kind)} → ${due as string}`);
    if (changes.length > 0) details.push({ field: 'changes', value: changes.join('；') });
  }
  const date = payload.completedOn ?? payload.date;
  if (typeof date === 'string') details.push({ field: 'date', value: date });
  if (typeof payload.amountYi === 'number') details.push({ field: 'amountYi', value: String(payload.amountYi) });
  for (const field of TEXT_FIELDS) {
    const value = payload[field];
    if (typeof value === 'string' && value.trim() !== '') details.push({ field, value });
  }
  return details;
}
