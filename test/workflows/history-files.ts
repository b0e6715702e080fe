import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { repoRoot } from '@zs/config';

/** Recorded histories of every main path, checked in, replayed in CI against the current code. */
export const HISTORIES_DIR = join(repoRoot(), 'workflows/histories');

/**
 * Writes a new recorded history. An existing file is never overwritten: it stands for the
 * runs started on the code that recorded it, which must keep replaying.
 */
export function writeHistory(name: string, history: temporal.api.history.v1.IHistory): void {
  const file = join(HISTORIES_DIR, `${name}.json`);
  if (existsSync(file)) {
    process.stdout.write(`kept existing ${file}\n`);
    return;
  }
  writeFileSync(file, historyToJSON(history) + '\n');
}

export function readHistories(): Array<{ name: string; workflowId: string; history: temporal.api.history.v1.IHistory }> {
  return readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, f), 'utf8'))) }));
}
