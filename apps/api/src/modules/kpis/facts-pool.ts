/** The one empty array every fact with an empty list shares (frozen: nothing may push to it). */
const EMPTY: readonly never[] = Object.freeze([]);

/** A value an object may hold and still be shared: a plain value, or a value already shared (frozen). */
const isSettled = (v: unknown) => v === null || typeof v !== 'object' || Object.isFrozen(v);

/**
 * One copy of each repeated value in a zone's KPI facts (issue 12: the API keeps every project's
 * facts in memory). As parsed from JSON, every occurrence is an object or string of its own, yet
 * 100,000 projects' facts hold a few thousand distinct dates, some hundreds of owners and
 * reporters (each id and name again in every project), the same intake verdicts, milestone nodes
 * and fulfilment checks over and over, and an empty list in most projects. So:
 * - each repeated string is kept once;
 * - each object whose fields are all plain values or values already shared (an owner, a node, a
 *   funds entry, an intake verdict, a fulfilment record without checks) is kept once, frozen, and
 *   shared by every fact holding an equal one;
 * - every empty array is one frozen empty array.
 * Values under the keys in `unique` (one per project) are left alone, and so is an object holding
 * one: pooling them would only add an entry per project. Shared values are frozen, so code that tried to change one would throw
 * rather than change every project holding it; KPI code only reads them.
 */
export class FactsPool {
  private readonly strings = new Map<string, string>();
  private readonly leaves = new Map<string, object>();

  constructor(private readonly unique: ReadonlySet<string>) {}

  /** The value with every pooled part replaced (arrays and objects with nested ones are changed in place). */
  intern<T>(value: T): T {
    return this.walk(value) as T;
  }

  /** Distinct strings and plain objects kept. */
  get size(): number {
    return this.strings.size + this.leaves.size;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (Array.isArray(value)) {
      if (value.length === 0) return EMPTY;
      for (let i = 0; i < value.length; i++) value[i] = this.walk(value[i]);
      return value;
    }
    if (value !== null && typeof value === 'object') {
      if (Object.isFrozen(value)) return value;
      const record = value as Record<string, unknown>;
      let leaf = true;
      for (const key of Object.keys(record)) {
        if (this.unique.has(key)) leaf = false;
        else record[key] = this.walk(record[key]);
        if (!isSettled(record[key])) leaf = false;
      }
      return leaf ? this.leaf(record) : record;
    }
    return value;
  }

  private string(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private leaf(record: Record<string, unknown>): object {
    const key = JSON.stringify(record);
    const known = this.leaves.get(key);
    if (known) return known;
    const kept = Object.freeze(record);
    this.leaves.set(key, kept);
    return kept;
  }
}
