import { keepKeyAfterFailure, newStepKey } from './step-key';

describe('the Idempotency-Key of a step form', () => {
  it('is kept after an uncertain outcome, so trying again cannot apply the step twice', () => {
    expect(keepKeyAfterFailure(0)).toBe(true); // no answer (network)
    expect(keepKeyAfterFailure(503)).toBe(true); // the step may still be applied
    expect(keepKeyAfterFailure(500)).toBe(true);
  });

  it('is replaced after a definite refusal, so the corrected form is not refused as a different request', () => {
    for (const status of [400, 403, 404, 409, 422, 499]) expect(keepKeyAfterFailure(status)).toBe(false);
  });
});

describe('a new step key', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a random UUID, also where crypto.randomUUID is missing (plain http)', () => {
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    const a = newStepKey(insecure);
    const b = newStepKey(insecure);
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
    expect(newStepKey()).toMatch(UUID_V4);
  });
});
