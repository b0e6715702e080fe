import type { Actor } from '@zs/domain';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * The actor a workflow step records, from the verified token only (one place for every step):
 * who, which role, the name shown in histories, and the department the department-scoped rules
 * read (issue 10). A caller without a department (or an account loaded before departments existed) has null.
 */
export function actorOf(caller: AuthenticatedUser): Actor {
  const scoped = caller as AuthenticatedUser & { departmentId?: string | null; departmentName?: string | null };
  return {
    userId: caller.id,
    role: caller.role,
    displayName: caller.displayName,
    departmentId: scoped.departmentId ?? null,
    departmentName: scoped.departmentName ?? null,
  };
}
