/**
 * A `WHERE` clause built from optional filters: each condition names its one parameter `?`,
 * numbered in order. `limitOffset()` adds the paging parameters after the filters'.
 */
export class WhereClause {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds `condition` (with one `?`) when `value` is given. */
  when(condition: string, value: unknown): this {
    if (value === undefined || value === null || value === '') return this;
    this.params.push(value);
    this.conditions.push(condition.replace('?', `$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** `LIMIT $n OFFSET $m` and the parameters it needs appended to the filters'. */
  limitOffset(limit: number, offset: number): { sql: string; params: unknown[] } {
    return { sql: `LIMIT $${this.params.length + 1} OFFSET $${this.params.length + 2}`, params: [...this.params, limit, offset] };
  }
}
