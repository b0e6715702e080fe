import { ApplicationFailure, proxySinks, workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { firstUntrusted, UNTRUSTED_PAYLOAD_ERROR, type UntrustedPayloadRefusal, type UntrustedPayloadSinks } from '@zs/contracts';

/**
 * Issue 9, item 4: refuses every value the payload codec marked untrusted (unsigned or altered),
 * in every workflow type, before any handler sees it:
 * - an update: its validator refuses it (the update is rejected, nothing enters the history);
 * - a signal: it is dropped (it is in the history already; on replay it is dropped again);
 * - a start: the workflow fails at once, before it records anything.
 * Each refusal is reported to the worker's sink, which records the security event outside the
 * sandbox; sink calls make no commands, so the workflow stays deterministic. Added to the bundle by
 * buildWorkflowBundle (workflowInterceptorModules).
 */
const { untrustedPayload } = proxySinks<UntrustedPayloadSinks>();

function refusal(report: UntrustedPayloadRefusal): ApplicationFailure {
  untrustedPayload.refused(report);
  return ApplicationFailure.create({
    type: UNTRUSTED_PAYLOAD_ERROR,
    message: `refused: the ${report.via} payload is ${report.payload.reason === 'unsigned' ? 'not signed' : 'not validly signed'} by the engine`,
    nonRetryable: true,
  });
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      validateUpdate(input, next) {
        const payload = firstUntrusted(input.args);
        if (payload) throw refusal({ via: 'update', name: input.name, updateId: input.updateId, payload });
        next(input);
      },
      async handleUpdate(input, next) {
        // An update without a validator: refused after acceptance (validators cover every staff step).
        const payload = firstUntrusted(input.args);
        if (payload) throw refusal({ via: 'update', name: input.name, updateId: input.updateId, payload });
        return next(input);
      },
      async handleSignal(input, next) {
        const payload = firstUntrusted(input.args);
        if (payload) {
          untrustedPayload.refused({ via: 'signal', name: input.signalName, updateId: null, payload });
          return;
        }
        return next(input);
      },
      async execute(input, next) {
        const payload = firstUntrusted(input.args);
        if (payload) throw refusal({ via: 'start', name: workflowInfo().workflowType, updateId: null, payload });
        return next(input);
      },
    },
  ],
});
