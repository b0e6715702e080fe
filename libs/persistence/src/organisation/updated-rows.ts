/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]; the rows. */
export function updatedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}
