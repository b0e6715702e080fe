/**
 * The Idempotency-Key a step form sends under. One key per attempt to take the step: kept while
 * the form is open so a double click, or a retry after a lost answer, can never apply it twice.
 *
 * The API claims a key with the request it first came with, so a key whose step was definitely
 * not applied must not be sent again with corrected fields (it would be refused as a conflict,
 * 422). Hence: after a definite refusal (4xx: invalid field, wrong stage, not yours) the next
 * attempt gets a fresh key; after an uncertain outcome (no answer, 5xx such as 503 "the step may
 * still be applied") the same key is kept, so trying again returns the first outcome instead of
 * taking the step a second time.
 */
export function keepKeyAfterFailure(status: number): boolean {
  return !(status >= 400 && status < 500);
}

/**
 * A fresh key: a random UUID. crypto.randomUUID exists only in secure contexts (https or
 * localhost); a console reached over plain http on an office network builds one from
 * crypto.getRandomValues, which exists everywhere.
 */
export function newStepKey(random: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
