import { ERROR_CODES, localized } from '@zs/domain';
import { findActiveDepartmentByNameOrCode, type Queryable } from '@zs/persistence';
import { fieldRefusal } from '../../common/errors/api.exception';

/**
 * A service request goes only to a registered, active department (issue 10). Given its name or
 * code, answers the registered name, which the request stores (the department scope of
 * access/step-rules.ts, notifications and webhooks all name departments by name); anything else
 * is a 400 naming the field.
 */
export async function registeredDepartmentName(db: Queryable, field: string, value: string): Promise<string> {
  const department = typeof value === 'string' && value.trim() ? await findActiveDepartmentByNameOrCode(db, value) : null;
  if (department) return department.name;
  const name = String(value).slice(0, 100);
  throw fieldRefusal(
    ERROR_CODES.VALIDATION_FAILED,
    field,
    localized(`{field}「${name}」不是已登记且在用的部门`, `{field} 「${name}」 is not a registered, active department (see GET /departments)`),
  );
}
