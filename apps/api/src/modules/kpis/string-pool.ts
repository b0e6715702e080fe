/**
 * One copy of each repeated string in a zone's KPI facts. 100,000 projects' facts hold a few
 * thousand distinct dates, some hundreds of officers, teams and departments (each id and name
 * again in every project's owner and reporter) and a handful of codes; as parsed from JSON each
 * occurrence is a string of its own. Values under the keys in `unique` (one per project) are
 * left alone: pooling them would only add an entry per project.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  constructor(private readonly unique: ReadonlySet<string>) {}

  /** Replaces, in place, every pooled string in the value; returns the value. */
  intern<T>(value: T): T {
    return this.walk(value) as T;
  }

  get size(): number {
    return this.pool.size;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.one(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.walk(value[i]);
      return value;
    }
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) if (!this.unique.has(key)) record[key] = this.walk(record[key]);
    }
    return value;
  }

  private one(s: string): string {
    const known = this.pool.get(s);
    if (known !== undefined) return known;
    this.pool.set(s, s);
    return s;
  }
}
