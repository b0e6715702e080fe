/**
 * Text PostgreSQL cannot store (NUL in text/jsonb) or that is not valid Unicode (a lone
 * UTF-16 surrogate). Refused at the edge, because once a workflow has applied a step its
 * persistence must not fail on the content.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** The path (e.g. `lead.notes`, `items[2]`) of the first unstorable string inside `value`, or null. */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path || 'value';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return childPath;
      const found = findUnstorableText(child, childPath);
      if (found) return found;
    }
  }
  return null;
}

/** True when `value` has at most `places` decimals (1.2345 yes, 1.5e-7 or 0.1 + 0.2 no). */
export function hasAtMostDecimalPlaces(value: number, places: number): boolean {
  return Number.isFinite(value) && Number(value.toFixed(places)) === value;
}
