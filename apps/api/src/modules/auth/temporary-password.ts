import { randomInt } from 'node:crypto';
import { passwordPolicyViolations } from '@zs/domain';

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const OTHER = '-_.!@#%+=';

/** A random 16-character password of all four classes (no look-alikes), meeting the policy for `username`. */
export function temporaryPassword(username: string): string {
  for (;;) {
    const all = LOWER + UPPER + DIGITS + OTHER;
    const chars = [LOWER, UPPER, DIGITS, OTHER].map(pick);
    while (chars.length < 16) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const candidate = chars.join('');
    if (passwordPolicyViolations(candidate, username).length === 0) return candidate;
  }
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)];
}
