import { hash, verify, type Algorithm } from '@node-rs/argon2';

// `Algorithm` is a const enum in a .d.ts: tsc would inline it, swc (tests) cannot; spell the value.
const ARGON2ID = 2 as Algorithm;

/**
 * Argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane), PHC-encoded with its own salt.
 * @node-rs/argon2 ships per-platform binaries; the `argon2` package's prebuilt binary
 * crashed (SIGSEGV) on our Debian machines unless compiled locally.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** False for a wrong password and for a hash that cannot be read; never throws. */
export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}
