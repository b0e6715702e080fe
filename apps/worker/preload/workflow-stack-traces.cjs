/**
 * `node --require ./apps/worker/preload/workflow-stack-traces.cjs dist/apps/worker/src/main.js`
 *
 * The Temporal SDK keeps a stack trace of every promise a workflow creates (a V8 promise hook in
 * each workflow thread) for one purpose: answering the `__stack_trace` query, the Web UI's "Call
 * Stack" tab. Measured with `npm run bench` (CPU profile of the workflow thread): about 35 % of
 * that thread's time, and a decision's workflow task 35 → 24 ms at the median. So it is off
 * unless WORKFLOW_STACK_TRACES=on. Off, the SDK runs as it does where V8 has no promise hooks: the
 * query answers "Workflow stack traces are not enabled on this worker"; workflows, their errors
 * and their own stacks are unchanged.
 *
 * A preload because the hook is installed inside the SDK's workflow threads, which no worker
 * option reaches; a `--require` runs in every thread of the process (worker threads inherit it).
 * Plain CommonJS, so the production image, `npm start` and the tests load the same file.
 */
'use strict';
const { isMainThread } = require('node:worker_threads');

/** The SDK's holder of the hook; found by its module path, so an SDK that moves it is reported, not silently ignored. */
function sdkGlobalHandlers() {
  try {
    const proto = require('@temporalio/worker/lib/workflow/vm-shared').GlobalHandlers?.prototype;
    return proto && typeof proto.setPromiseHook === 'function' ? proto : null;
  } catch {
    return null;
  }
}

const wanted = process.env.WORKFLOW_STACK_TRACES === 'on' ? 'on' : 'off';
const handlers = wanted === 'off' ? sdkGlobalHandlers() : null;
if (handlers && !isMainThread) {
  handlers.setPromiseHook = function setPromiseHook() {
    // What the SDK itself does where v8.promiseHooks is missing: no hook, stack traces reported as disabled.
    this.promiseHookInstalled = false;
  };
}
/** Read by the worker's start-up log: 'on', 'off', or 'unavailable' (this SDK has no hook where we look). */
globalThis.__zsWorkflowStackTraces = wanted === 'on' ? 'on' : handlers ? 'off' : 'unavailable';
