import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { repoRoot } from '@zs/config';
import { signedDataConverter } from '@zs/temporal-codec';
import { buildWorkflowBundle } from '@zs/worker';
import { floorStartWorkflow, floorWorkflow, pingUpdate, stopSignal } from './floor.workflow';
import { pool, summarize, timed, type LatencySummary } from './stats';

/**
 * Runs `fn` with a client and a worker of its own (trivial workflows, own task queue) against
 * the server the engine uses: the floors an HTTP step or a registration cannot beat.
 */
async function withFloorWorker<T>(address: string, fn: (client: Client, taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `bench-floor-${randomUUID()}`;
  const { code } = await buildWorkflowBundle(join(repoRoot(), 'apps/bench/src/floor.workflow.ts'));
  const nativeConnection = await NativeConnection.connect({ address });
  // Signed as the engine's own payloads are (issue 9), so the floor pays the same codec cost; a key of its own.
  const dataConverter = signedDataConverter({ key: randomBytes(32), mode: 'enforce' });
  const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: { code }, dataConverter });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, dataConverter });
  try {
    return await worker.runUntil(fn(client, taskQueue));
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}

/** A bare Temporal Update round-trip on a running trivial workflow, one at a time. */
export async function measureBareUpdate(address: string, samples: number, warmup: number): Promise<LatencySummary> {
  return withFloorWorker(address, async (client, taskQueue) => {
    const handle = await client.workflow.start(floorWorkflow, { taskQueue, workflowId: `bench-floor-${randomUUID()}` });
    for (let i = 0; i < warmup; i++) await handle.executeUpdate(pingUpdate, { args: [i] });
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) latencies.push((await timed(() => handle.executeUpdate(pingUpdate, { args: [i] })))[1]);
    await handle.signal(stopSignal);
    await handle.result();
    return summarize(latencies);
  });
}

/**
 * Bare workflow starts per second: update-with-start of a trivial workflow (what registering a
 * lead does, without the engine's work), with `concurrency` clients, after `warmup` starts.
 */
export async function measureBareStarts(
  address: string,
  starts: number,
  concurrency: number,
  warmup: number,
  /** Wraps the timed starts only (not the bundling and warm-up): the caller's CPU accounting. */
  around: <T>(timedStarts: () => Promise<T>) => Promise<T> = (f) => f(),
): Promise<{ perSecond: number; latency: LatencySummary }> {
  return withFloorWorker(address, async (client, taskQueue) => {
    const start = (i: number) =>
      client.workflow.executeUpdateWithStart(pingUpdate, {
        args: [i],
        startWorkflowOperation: new WithStartWorkflowOperation(floorStartWorkflow, { taskQueue, workflowId: `bench-start-${randomUUID()}`, workflowIdConflictPolicy: 'FAIL' }),
      });
    await pool(warmup, concurrency, async (i) => void (await start(i)));
    const latencies: number[] = [];
    const [, elapsedMs] = await around(() => timed(() => pool(starts, concurrency, async (i) => void latencies.push((await timed(() => start(i)))[1]))));
    return { perSecond: Math.round((starts / elapsedMs) * 1000 * 10) / 10, latency: summarize(latencies) };
  });
}
