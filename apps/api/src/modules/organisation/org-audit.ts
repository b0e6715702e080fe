import { recordAdminAudit, type Transaction } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';

/**
 * One organisation change in the admin audit chain, in the transaction of the change: what it was
 * before and after (views, never password hashes), who did it and why.
 */
export async function auditOrgChange(
  tx: Transaction,
  caller: AuthenticatedUser,
  change: { action: string; subject: string; before: unknown; after: unknown; reason?: string },
): Promise<void> {
  // One event per change, none for an edit that changed nothing (an empty PATCH, the same values again).
  if (change.before != null && change.after != null && sameIgnoringTimestamps(change.before, change.after)) return;
  await recordAdminAudit(tx, {
    actor: { userId: caller.id, role: caller.role },
    action: change.action,
    subject: change.subject,
    reason: change.reason ?? null,
    payload: { before: change.before ?? null, after: change.after ?? null },
  });
}

function sameIgnoringTimestamps(a: unknown, b: unknown): boolean {
  const strip = (v: unknown) => JSON.stringify(v, (key, value: unknown) => (key === 'updatedAt' ? undefined : value));
  return strip(a) === strip(b);
}
