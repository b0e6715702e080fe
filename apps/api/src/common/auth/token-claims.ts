import { isRole } from '@zs/domain';
import type { AuthenticatedUser } from './authenticated-user';

/** What the access token carries: the user id, role and display name. */
export interface TokenClaims {
  sub: string;
  role: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A signed token is still checked for shape: a role renamed since issue must not pass as a valid one. */
export function userFromClaims(claims: unknown): AuthenticatedUser | null {
  if (typeof claims !== 'object' || claims === null) return null;
  const { sub, role, name } = claims as Partial<TokenClaims>;
  if (typeof sub !== 'string' || !UUID.test(sub) || !isRole(role) || typeof name !== 'string') return null;
  return { id: sub, role, displayName: name };
}
