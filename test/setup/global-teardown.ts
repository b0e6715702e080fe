import { rmSync } from 'node:fs';
import type { TestStackHandles } from './stack-env';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __zsStack?: TestStackHandles }).__zsStack;
  if (!stack) return;
  await Promise.allSettled([stack.temporal.stop(5000), stack.postgres.stop()]);
  if (!process.env.ZS_TEST_KEEP_LOGS) rmSync(stack.dir, { recursive: true, force: true });
}
