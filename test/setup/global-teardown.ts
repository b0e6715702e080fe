import { rmSync } from 'node:fs';
import { liveProcesses } from '@zs/local-stack';
import type { TestStackHandles } from './stack-env';

/**
 * Stops both servers even if one stop throws, then anything else the set-up process started
 * and left running, then removes the work folder; a failure is reported after all that.
 */
export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __zsStack?: TestStackHandles }).__zsStack;
  const results = await Promise.allSettled([
    (async () => stack?.temporal.stop(5000))(),
    (async () => stack?.postgres.stop(5000))(),
  ]);
  await Promise.allSettled(liveProcesses().map((p) => p.stop(3000)));
  delete (globalThis as { __zsStack?: TestStackHandles }).__zsStack;
  if (stack && !process.env.ZS_TEST_KEEP_LOGS) {
    try {
      rmSync(stack.dir, { recursive: true, force: true });
    } catch (err) {
      results.push({ status: 'rejected', reason: err });
    }
  }
  const errors = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  if (errors.length) throw new AggregateError(errors, `test stack teardown: ${errors.map((e) => String(e)).join('; ')}`);
}
