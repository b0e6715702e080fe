import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { repoRoot, WORKER_PRELOAD } from '@zs/config';

/**
 * The preload (apps/worker/preload/workflow-stack-traces.cjs) against the installed SDK, in a real
 * worker thread as the SDK starts its workflow threads: the thread inherits the `--require` and
 * installs the SDK's global handlers, as a reusable V8 context does at start-up. An SDK upgrade
 * that moves the hook fails here, not silently in production.
 */
function promiseHookInThread(env: Record<string, string>): Promise<{ installed: boolean; preload: string | undefined }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { globalHandlers } = require('@temporalio/worker/lib/workflow/vm-shared');
    globalHandlers.install();
    parentPort.postMessage({ installed: globalHandlers.promiseHookInstalled, preload: globalThis.__zsWorkflowStackTraces });
  `;
  const worker = new Worker(code, { eval: true, execArgv: ['--require', join(repoRoot(), WORKER_PRELOAD)], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('workflow stack traces (the worker preload)', () => {
  it('off by default: the SDK installs no promise hook in a workflow thread', async () => {
    await expect(promiseHookInThread({ WORKFLOW_STACK_TRACES: '' })).resolves.toEqual({ installed: false, preload: 'off' });
  });

  it('WORKFLOW_STACK_TRACES=on leaves the SDK as it is: the hook is installed', async () => {
    await expect(promiseHookInThread({ WORKFLOW_STACK_TRACES: 'on' })).resolves.toEqual({ installed: true, preload: 'on' });
  });
});
