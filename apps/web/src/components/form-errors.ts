import type { FormInstance } from 'antd';
import { ApiError, fieldErrorsOf } from '../api/api-error';

/**
 * Shows the API's field problems next to their fields. Returns true when every problem found
 * its field (nothing else to show above the form).
 */
export function applyFieldErrors<T>(form: FormInstance<T>, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const fields = fieldErrorsOf(error.details);
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return fields.length > 0 && error.details.every((d) => d.field && d.field !== 'body');
}
