import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

/** Under the data folder of `npm start` (DATA_DIR, default .data): the payload key it generated (mode 0600)… */
export const EMBEDDED_PAYLOAD_KEY_FILE = 'temporal-payload.key';
/** …and, for an installation upgraded from before signing, the signing mode it chose (accept-unsigned). */
export const EMBEDDED_PAYLOAD_SIGNING_FILE = 'temporal-payload-signing';

export function embeddedDataDir(env: Record<string, string | undefined>): string {
  return env.DATA_DIR || join(repoRoot(), '.data');
}

/** The payload key and signing mode `npm start` keeps in its data folder, when it has them. */
export function readEmbeddedPayloadSigning(dataDir: string): { key?: string; mode?: string } {
  const read = (name: string) => (existsSync(join(dataDir, name)) ? readFileSync(join(dataDir, name), 'utf8').trim() : undefined);
  return { key: read(EMBEDDED_PAYLOAD_KEY_FILE), mode: read(EMBEDDED_PAYLOAD_SIGNING_FILE) };
}
