import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a filling run has done, kept beside the data (`.bench-scale/progress.json`), so the next
 * run resumes instead of starting over. Live projects are counted in the database itself (a
 * registration that landed just before a crash counts, whatever this file says); the archive is
 * written in batches by index, idempotently, so this file's count is where to go on from.
 */
export interface ScaleProgress {
  /** Archived projects written (indices 0 … archivedWritten − 1). */
  archivedWritten: number;
  /** Runs started on this folder: live company names are salted with it, so no name repeats. */
  runs: number;
  createdAt: string;
  updatedAt: string;
}

const FILE = 'progress.json';

export function readProgress(dataDir: string): ScaleProgress {
  const file = join(dataDir, FILE);
  const now = new Date().toISOString();
  if (!existsSync(file)) return { archivedWritten: 0, runs: 0, createdAt: now, updatedAt: now };
  return JSON.parse(readFileSync(file, 'utf8')) as ScaleProgress;
}

/** Atomic (write then rename): a Ctrl-C never leaves half a file. */
export function saveProgress(dataDir: string, progress: ScaleProgress): void {
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ ...progress, updatedAt: new Date().toISOString() }, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}
