import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const pingUpdate = defineUpdate<number, [number]>('ping');
export const stopSignal = defineSignal('stop');

/** The floor: an Update that does nothing but answer, on the same server as the engine. */
export async function floorWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(pingUpdate, (n) => n);
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
}
