import { ERROR_CODES } from '@zs/domain';
import { findActiveDepartmentByNameOrCode, type Queryable } from '@zs/persistence';
import { ApiException } from '../../common/errors/api.exception';

/**
 * A service request goes only to a registered, active department (issue 10). Given its name or
 * code, answers the registered name, which the request stores (the department scope of
 * access/step-rules.ts, notifications and webhooks all name departments by name); anything else
 * is a 400 naming the field.
 */
export async function registeredDepartmentName(db: Queryable, field: string, value: string): Promise<string> {
  const department = typeof value === 'string' && value.trim() ? await findActiveDepartmentByNameOrCode(db, value) : null;
  if (department) return department.name;
  const message = `${field}（承办部门）「${String(value).slice(0, 100)}」不是已登记且在用的部门（见 GET /departments）`;
  throw new ApiException(ERROR_CODES.VALIDATION_FAILED, message, [{ field, message }]);
}
