import { STAGES, TERMINAL_STAGES } from '@zs/domain';
import { countProjectsInStages, writeArchivedProjects, type Database } from '@zs/persistence';
import { benchLead } from '../bench-names';
import type { HttpClient } from '../http-client';
import { pool } from '../stats';
import { archivedProject, INDUSTRY_CHAINS, type Organisation } from './archived-portfolio';
import { saveProgress, type ScaleProgress } from './scale-progress';

const ARCHIVE_BATCH = 500;
/** As `npm run bench` registers: 16 officers' browsers at once. */
export const LIVE_CONCURRENCY = 16;
const OPEN_STAGES = STAGES.filter((s) => !TERMINAL_STAGES.includes(s));

type Say = (message: string) => void;
const perSecond = (n: number, ms: number) => Math.round((n / Math.max(ms, 1)) * 10_000) / 10;

/**
 * The closed projects, written through @zs/persistence (the projection's writers), not through
 * workflows: a project closed in an earlier year has no running workflow, and driving 90,000
 * workflows to their end over HTTP would take hours and measure the fill, not the reads.
 */
export async function fillArchive(db: Database, dataDir: string, progress: ScaleProgress, target: number, org: Organisation, say: Say): Promise<void> {
  if (progress.archivedWritten >= target) return say(`archive: ${progress.archivedWritten} closed projects already written`);
  say(`archive: writing closed projects ${progress.archivedWritten} … ${target - 1} (${ARCHIVE_BATCH} per transaction) ...`);
  const started = performance.now();
  const from = progress.archivedWritten;
  let lastReport = started;
  while (progress.archivedWritten < target) {
    const end = Math.min(target, progress.archivedWritten + ARCHIVE_BATCH);
    const rows = [];
    for (let i = progress.archivedWritten; i < end; i++) rows.push(archivedProject(i, org));
    await writeArchivedProjects(db, rows);
    progress.archivedWritten = end;
    saveProgress(dataDir, progress);
    const now = performance.now();
    if (now - lastReport > 10_000 || end === target) {
      lastReport = now;
      const done = end - from;
      const rate = perSecond(done, now - started);
      say(`archive: ${end} / ${target} (${rate}/s, about ${Math.ceil((target - end) / Math.max(rate, 0.1))} s to go)`);
    }
  }
}

/** Live projects now: those in an open stage (the archive is closed; the alert batch is closed after measuring). */
export function countLiveProjects(db: Database): Promise<number> {
  return countProjectsInStages(db, OPEN_STAGES);
}

/** A live project's lead, in every chain of the archive. */
export function liveLead(i: number, salt: number) {
  return benchLead(i, salt, INDUSTRY_CHAINS);
}

/**
 * The live projects: real leads registered over HTTP as an officer (16 at a time, as `npm run
 * bench` does), each a running workflow whose 48-hour intake clock runs. Resumes from the number
 * of open projects in the database; names are salted with the run number, so a lead whose answer
 * a crash lost does not come back as a duplicate.
 */
export async function fillLive(db: Database, http: HttpClient, officer: string, target: number, salt: number, say: Say): Promise<void> {
  const existing = await countLiveProjects(db);
  if (existing >= target) return say(`live: ${existing} open projects with running clocks already registered`);
  const missing = target - existing;
  say(`live: registering ${missing} leads over HTTP (${existing} there already; ${LIVE_CONCURRENCY} at a time) ...`);
  const started = performance.now();
  let done = 0;
  let lastReport = started;
  await pool(missing, LIVE_CONCURRENCY, async (i) => {
    await http.json('POST', '/leads', liveLead(i, salt), officer);
    done++;
    const now = performance.now();
    if (now - lastReport > 10_000 || done === missing) {
      lastReport = now;
      const rate = perSecond(done, now - started);
      say(`live: ${existing + done} / ${target} (${rate}/s, about ${Math.ceil((missing - done) / Math.max(rate, 0.1))} s to go)`);
    }
  });
}
