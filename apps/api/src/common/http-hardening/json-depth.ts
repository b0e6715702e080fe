/**
 * The deepest nesting of objects and arrays in a JSON text, read without parsing it and without
 * recursion, so no body, however deep, can exhaust the stack (a 2,000-deep array once overflowed
 * class-transformer: an unauthenticated 500). Stops counting once `limit` is passed.
 * Brackets inside strings (escapes included) do not count; a malformed text is left to JSON.parse.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}
