import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendCheckpointFile, checkpointSignatureValid, readCheckpointFile, signCheckpoint } from './checkpoints';
import { ensureCheckpointKeyPair, readPrivateKey, readPublicKey } from './keys';
import { sm3 } from './sm3';

describe('signed checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const checkpoint = signCheckpoint(42, sm3('head'), new Date('2026-11-30T08:00:00Z'), privateKey);

  it('verify with the public key of the key that signed them', () => {
    expect(checkpointSignatureValid(checkpoint, publicKey)).toBe(true);
  });

  it('do not verify once any field is changed, or with another key', () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(checkpointSignatureValid({ ...checkpoint, pos: 43 }, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, headHash: sm3('other').toString('hex') }, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, at: '2026-11-30T08:00:01.000Z' }, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, signature: Buffer.alloc(64).toString('base64') }, publicKey)).toBe(false);
    expect(checkpointSignatureValid(checkpoint, other)).toBe(false);
  });

  it('round-trip through the append-only file; a damaged line is reported, not skipped', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cp-')), 'checkpoints.jsonl');
    appendCheckpointFile(file, checkpoint);
    appendCheckpointFile(file, { ...checkpoint, pos: 50 });
    writeFileSync(file, readFileSync(file, 'utf8') + '{"pos": broken\n');
    const read = readCheckpointFile(file);
    expect(read.checkpoints.map((c) => c.pos)).toEqual([42, 50]);
    expect(read.unreadableLines).toEqual([3]);
  });

  it('key pair made once, private key readable by its owner only', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys');
    const files = ensureCheckpointKeyPair(dir);
    const again = ensureCheckpointKeyPair(dir);
    expect(again).toEqual(files);
    const signed = signCheckpoint(1, sm3('x'), new Date(), readPrivateKey(files.privateKeyFile));
    expect(checkpointSignatureValid(signed, readPublicKey(files.publicKeyFile))).toBe(true);
    const { statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    expect(statSync(files.privateKeyFile).mode & 0o777).toBe(0o600);
  });
});
