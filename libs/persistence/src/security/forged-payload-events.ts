import { inTransaction, type Database } from '../database';
import { recordSecurityEvent } from './security-events';

export interface ForgedPayloadEvent {
  /**
   * Identifies one refusal (the worker derives it from the payload's digest, the workflow and the
   * update id): a retried workflow task or a second worker refusing the same update records nothing more.
   */
  dedupKey: string;
  /** e.g. `workflow:project-<id>` */
  subject: string;
  payload: Record<string, unknown>;
}

/**
 * Records a `temporal.forged_payload` security event (issue 9) unless one with the same dedupKey
 * is recorded already; true when this call recorded it. The check and the insert run under a
 * transaction-scoped advisory lock on the key, so two workers refusing the same update at once
 * still record it once.
 */
export async function recordForgedPayloadOnce(db: Database, event: ForgedPayloadEvent): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`temporal.forged_payload:${event.dedupKey}`]);
    const seen: unknown[] = await tx.query(
      `SELECT 1 FROM security_events WHERE kind = 'temporal.forged_payload' AND payload->>'dedupKey' = $1 LIMIT 1`,
      [event.dedupKey],
    );
    if (seen.length > 0) return false;
    await recordSecurityEvent(tx, {
      kind: 'temporal.forged_payload',
      outcome: 'refused',
      subject: event.subject,
      payload: { ...event.payload, dedupKey: event.dedupKey },
    });
    return true;
  });
}
