import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Worker lifecycle chatter drowns test output; warnings and errors still show. */
export function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier harness in this process.
  }
}
