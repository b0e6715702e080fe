import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDED_PAYLOAD_KEY_FILE, EMBEDDED_PAYLOAD_SIGNING_FILE } from '@zs/config';

export interface DevPayloadSigning {
  key: string;
  mode: 'enforce' | 'accept-unsigned';
  /** What happened: a new key (fresh or upgraded installation), or the one kept from an earlier start. */
  origin: 'generated' | 'generated-for-upgrade' | 'kept';
}

/**
 * Issue 9: the key that signs every Temporal payload of the embedded stack, generated once into
 * the data folder (mode 0600, only the launcher's user reads it) and kept, so running workflows
 * stay readable across restarts. A data folder whose Temporal database predates the key is an
 * upgraded installation: its open runs hold unsigned payloads, so the signing mode is set to
 * accept-unsigned (written next to the key; change it to `enforce` once those runs are closed).
 * A fresh installation enforces signatures.
 */
export function ensureDevPayloadSigning(dataDir: string, opts: { temporalDbFile?: string } = {}): DevPayloadSigning {
  const keyFile = join(dataDir, EMBEDDED_PAYLOAD_KEY_FILE);
  const modeFile = join(dataDir, EMBEDDED_PAYLOAD_SIGNING_FILE);
  let origin: DevPayloadSigning['origin'] = 'kept';
  if (!existsSync(keyFile)) {
    const upgraded = opts.temporalDbFile !== undefined && existsSync(opts.temporalDbFile);
    if (upgraded && !existsSync(modeFile)) writeFileSync(modeFile, 'accept-unsigned\n', { mode: 0o600 });
    writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    origin = upgraded ? 'generated-for-upgrade' : 'generated';
  } else if ((statSync(keyFile).mode & 0o077) !== 0) {
    chmodSync(keyFile, 0o600);
  }
  const key = readFileSync(keyFile, 'utf8').trim();
  const written = existsSync(modeFile) ? readFileSync(modeFile, 'utf8').trim() : 'enforce';
  return { key, mode: written === 'accept-unsigned' ? 'accept-unsigned' : 'enforce', origin };
}
