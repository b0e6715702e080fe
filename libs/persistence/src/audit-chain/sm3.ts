import { createHash } from 'node:crypto';

/** 32 zero bytes: the `prev_hash` of the first record of every chain. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** SM3 (GB/T 32905-2016) over the concatenation of `parts`. */
export function sm3(...parts: Array<Buffer | string>): Buffer {
  const h = createHash('sm3');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** The examples of GB/T 32905-2016 appendix A: "abc", and "abcd" repeated 16 times. */
const GBT_32905_VECTORS: ReadonlyArray<{ message: string; digest: string }> = [
  { message: 'abc', digest: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' },
  { message: 'abcd'.repeat(16), digest: 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732' },
];

/**
 * Checks this process's SM3 against the standard's vectors. Every process that writes or
 * verifies the audit chain calls it at start-up and refuses to start when it throws: a
 * crypto library without SM3, or a wrong one, would chain records nobody could verify.
 */
export function assertSm3SelfTest(): void {
  for (const v of GBT_32905_VECTORS) {
    let actual: string;
    try {
      actual = sm3(v.message).toString('hex');
    } catch (err) {
      throw new Error(`SM3 self-test failed: this Node.js/OpenSSL has no SM3 (${(err as Error).message}); the audit chain cannot be written or verified`);
    }
    if (actual !== v.digest) throw new Error(`SM3 self-test failed on GB/T 32905 vector "${v.message.slice(0, 8)}…": got ${actual}, expected ${v.digest}`);
  }
}
