import { createHash } from 'crypto';
import { parseIdempotencyKey, projectIdFromIdempotencyKey } from './idempotency-key';
import { canonicalJson, requestHash } from './request-hash';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const USER = '12b450c4-5bc5-4fc4-838e-a3531a22bc6b';

describe('projectIdFromIdempotencyKey', () => {
  it('is deterministic per user and key', () => {
    expect(projectIdFromIdempotencyKey(USER, 'k1')).toBe(projectIdFromIdempotencyKey(USER, 'k1'));
  });

  it('differs between users and between keys', () => {
    const other = '70286e2c-c285-4905-b2bd-259ae4a1933e';
    expect(projectIdFromIdempotencyKey(USER, 'k1')).not.toBe(projectIdFromIdempotencyKey(other, 'k1'));
    expect(projectIdFromIdempotencyKey(USER, 'k1')).not.toBe(projectIdFromIdempotencyKey(USER, 'k2'));
  });

  it('is a version-5, RFC 4122 variant UUID', () => {
    for (const key of ['a', 'k1', 'order:2024-01.x', 'z'.repeat(200)]) {
      expect(projectIdFromIdempotencyKey(USER, key)).toMatch(UUID_V5);
    }
  });

  it('is the first 16 bytes of sha256(userId:key) with only the version and variant bits changed', () => {
    const digest = createHash('sha256').update(`${USER}:k1`).digest();
    const id = Buffer.from(projectIdFromIdempotencyKey(USER, 'k1').replace(/-/g, ''), 'hex');
    const mask = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0xff, 0x3f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    for (let i = 0; i < 16; i++) expect(id[i] & mask[i]).toBe(digest[i] & mask[i]);
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts absent and well-formed keys', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('abc_1.2:3-4')).toBe('abc_1.2:3-4');
  });

  it.each(['', 'a b', 'é', 'x'.repeat(201), 'a,b'])('refuses %p naming the header', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(/Idempotency-Key/);
  });
});

describe('requestHash', () => {
  it('ignores key order at every level and undefined fields', () => {
    expect(requestHash({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] }, u: undefined })).toBe(requestHash({ a: { c: [3, { e: 0, f: 1 }], d: 2 }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('changes when a value changes', () => {
    expect(requestHash({ estimatedInvestmentYi: 12.5 })).not.toBe(requestHash({ estimatedInvestmentYi: 13 }));
  });
});
