import { createHash } from 'node:crypto';
import { assertSm3SelfTest, GENESIS_HASH, sm3 } from './sm3';

describe('SM3 (GB/T 32905-2016)', () => {
  it('gives the standard digests of "abc" and of "abcd" × 16', () => {
    expect(sm3('abc').toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3('abcd'.repeat(16)).toString('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes the concatenation of its parts', () => {
    expect(sm3(GENESIS_HASH, 'record').equals(sm3(Buffer.concat([GENESIS_HASH, Buffer.from('record')])))).toBe(true);
  });

  it('passes the start-up self-test here', () => {
    expect(() => assertSm3SelfTest()).not.toThrow();
  });

  it('refuses to start when the digest is wrong', () => {
    const real = createHash;
    const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const spy = jest.spyOn(crypto, 'createHash').mockImplementation(((alg: string) => real(alg === 'sm3' ? 'sha256' : alg)) as typeof createHash);
    try {
      expect(() => assertSm3SelfTest()).toThrow(/SM3 self-test failed on GB\/T 32905 vector "abc/);
    } finally {
      spy.mockRestore();
    }
  });
});
