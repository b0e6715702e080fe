import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The checkpoint signing key (Ed25519, PEM) from a file the database never sees. */
export function readPrivateKey(path: string): KeyObject {
  const key = createPrivateKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path}: the audit checkpoint key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

/** The key auditors verify checkpoints with (Ed25519, PEM). */
export function readPublicKey(path: string): KeyObject {
  const key = createPublicKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path}: the audit checkpoint public key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

export interface CheckpointKeyFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

/**
 * A key pair in `dir` (made once: the private key readable by its owner only). For the
 * embedded default and tests; production provisions keys itself (see README).
 */
export function ensureCheckpointKeyPair(dir: string): CheckpointKeyFiles {
  const files = { privateKeyFile: join(dir, 'audit-checkpoint.key.pem'), publicKeyFile: join(dir, 'audit-checkpoint.pub.pem') };
  if (existsSync(files.privateKeyFile) && existsSync(files.publicKeyFile)) return files;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(files.privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  chmodSync(files.privateKeyFile, 0o600);
  writeFileSync(files.publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  return files;
}
