import type { Role } from '@zs/domain';

/** The caller, as proven by the bearer token. The only source of the acting user id and role. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  displayName: string;
  /** The account's registered department (issue 10), as stored now (checked with the account on each request). */
  departmentId: string | null;
  /** That department's name (service requests and notifications name departments by name); null without one. */
  departmentName: string | null;
  /** The zone whose account this is (issue 12). */
  zone: string;
  /** The zone this request reads and acts in: the account's, or for a city role the one X-ZS-Zone names. */
  actingZone: string;
}
