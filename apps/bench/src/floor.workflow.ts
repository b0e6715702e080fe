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

/** The floor of a registration: started with an Update (update-with-start, as a lead is), answered, done. */
export async function floorStartWorkflow(): Promise<void> {
  let answered = false;
  setHandler(pingUpdate, (n) => {
    answered = true;
    return n;
  });
  await condition(() => answered);
}
