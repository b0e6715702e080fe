import type { Role } from '@zs/domain';

/** The caller, as proven by the bearer token. The only source of the acting user id and role. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  displayName: string;
}
