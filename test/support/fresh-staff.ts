import { randomUUID } from 'node:crypto';
import type { E2eHarness } from './e2e-harness';

/** An account of its own for one test, signed in with a password of its choosing (the temporary one changed). */
export interface FreshStaff {
  id: string;
  username: string;
  password: string;
  displayName: string;
  token: string;
}

/**
 * Creates an account through the administrator's API and changes its temporary password through
 * the user's, as a new member of staff would. A role that no alert policy addresses (auditor, by
 * default) keeps its inbox to what a test puts there, whatever the shared database holds.
 */
export async function createFreshStaff(h: E2eHarness, displayName: string, role = 'auditor'): Promise<FreshStaff> {
  const admin = await h.login('admin');
  const username = `fresh-${randomUUID().slice(0, 8)}`;
  const created = await h.http('POST', '/admin/users', { token: admin, body: { username, displayName, role } });
  if (created.status !== 201) throw new Error(`creating ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await h.http('POST', '/auth/login', { body: { username, password: created.body.temporaryPassword } });
  const password = `Zs-${randomUUID().slice(0, 12)}!`;
  const changed = await h.http('POST', '/auth/password', { token: first.body.accessToken, body: { currentPassword: created.body.temporaryPassword, newPassword: password } });
  if (changed.status !== 200) throw new Error(`changing the password of ${username}: ${changed.status} ${JSON.stringify(changed.body)}`);
  return { id: created.body.user.id, username, password, displayName, token: changed.body.accessToken };
}
