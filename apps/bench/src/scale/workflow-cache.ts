import { Client, Connection } from '@temporalio/client';
import { ensureDevPayloadSigning, type EngineStack } from '@zs/local-stack';
import { openClockWorkflowPage, type Database } from '@zs/persistence';
import { signedDataConverter } from '@zs/temporal-codec';
import { pool } from '../stats';
import { stackMemory, type StackMemory } from './resident-memory';

/** Every TypeScript workflow answers this built-in query: answering it loads the run into the worker's cache. */
const stackTraceQuery = '__stack_trace';
const TOUCH_CONCURRENCY = 8;

type Say = (message: string) => void;

/** The workflow ids of every project with an open intake clock (the live ones), from the SLA read model. */
async function liveWorkflowIds(db: Database): Promise<string[]> {
  const ids: string[] = [];
  for (let page = await openClockWorkflowPage(db, 'intake_decision', null, 1000); page.length > 0; page = await openClockWorkflowPage(db, 'intake_decision', ids.at(-1)!, 1000)) {
    ids.push(...page);
  }
  return ids;
}

export interface CacheMeasurement {
  cacheSize: number;
  touched: number;
  failed: number;
  touchSeconds: number;
  atStart: StackMemory;
  afterTouch: StackMemory;
}

/**
 * Brings every live project's workflow into the worker (a query replays its history when the run
 * is not cached), as a morning of clocks and steps would, and reads the worker's resident memory
 * before and after: with a cache smaller than the live projects, least-recently-used runs are
 * evicted as others come in, so the figure after is the cache's steady state.
 */
export async function touchLiveWorkflows(db: Database, stack: EngineStack, dataDir: string, cacheSize: number, say: Say): Promise<CacheMeasurement> {
  const atStart = stackMemory(stack);
  const ids = await liveWorkflowIds(db);
  const { key, mode } = ensureDevPayloadSigning(dataDir);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, dataConverter: signedDataConverter({ key, mode }) });
  let failed = 0;
  let firstError: string | null = null;
  const started = performance.now();
  try {
    say(`cache ${cacheSize}: querying ${ids.length} live workflows (${TOUCH_CONCURRENCY} at a time) ...`);
    await pool(ids.length, TOUCH_CONCURRENCY, async (i) => {
      try {
        await client.workflow.getHandle(ids[i]).query(stackTraceQuery);
      } catch (err) {
        failed++;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    });
  } finally {
    await connection.close();
  }
  if (firstError) say(`cache ${cacheSize}: ${failed} queries failed, the first with: ${firstError}`);
  const touchSeconds = Math.round((performance.now() - started) / 100) / 10;
  const afterTouch = stackMemory(stack);
  say(`cache ${cacheSize}: worker ${atStart.workerMb} → ${afterTouch.workerMb} MB resident after touching ${ids.length} workflows in ${touchSeconds} s`);
  return { cacheSize, touched: ids.length, failed, touchSeconds, atStart, afterTouch };
}
