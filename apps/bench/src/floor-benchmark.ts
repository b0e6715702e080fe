import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { repoRoot } from '@zs/config';
import { signedDataConverter } from '@zs/temporal-codec';
import { buildWorkflowBundle } from '@zs/worker';
import { floorWorkflow, pingUpdate, stopSignal } from './floor.workflow';
import { summarize, timed, type LatencySummary } from './stats';

/**
 * A bare Temporal Update round-trip on a trivial workflow, against the same server the
 * engine uses, with its own worker in this process: the floor an HTTP step cannot beat.
 */
export async function measureBareUpdate(address: string, samples: number, warmup: number): Promise<LatencySummary> {
  const taskQueue = `bench-floor-${randomUUID()}`;
  const { code } = await buildWorkflowBundle(join(repoRoot(), 'apps/bench/src/floor.workflow.ts'));
  const nativeConnection = await NativeConnection.connect({ address });
  // Signed as the engine's own payloads are (issue 9), so the floor pays the same codec cost; a key of its own.
  const dataConverter = signedDataConverter({ key: randomBytes(32), mode: 'enforce' });
  const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: { code }, dataConverter });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, dataConverter });
  try {
    return await worker.runUntil(async () => {
      const handle = await client.workflow.start(floorWorkflow, { taskQueue, workflowId: `bench-floor-${randomUUID()}` });
      for (let i = 0; i < warmup; i++) await handle.executeUpdate(pingUpdate, { args: [i] });
      const latencies: number[] = [];
      for (let i = 0; i < samples; i++) latencies.push((await timed(() => handle.executeUpdate(pingUpdate, { args: [i] })))[1]);
      await handle.signal(stopSignal);
      await handle.result();
      return summarize(latencies);
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}
