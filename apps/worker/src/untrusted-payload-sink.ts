import { createHash } from 'node:crypto';
import type { InjectedSinks } from '@temporalio/worker';
import type { UntrustedPayloadRefusal, UntrustedPayloadSinks } from '@zs/contracts';
import { recordForgedPayloadOnce, type Database } from '@zs/persistence';

export type SinkLog = (level: 'warn' | 'error', message: string, meta: Record<string, unknown>) => void;

/** How many refusals a worker remembers, so a task retried on it does not even ask the database again. */
const REMEMBERED = 10_000;

/**
 * Issue 9: records each refusal of an untrusted payload (reported by the workflow interceptor) as
 * one `temporal.forged_payload` security event. Runs on the worker, outside the sandbox, and is
 * not called on replay; a retried workflow task (or another worker) reports the same refusal again
 * with the same key, which recordForgedPayloadOnce records only once. The worker awaits it before
 * completing the activation, so the event is stored by the time the caller hears the refusal.
 */
export function untrustedPayloadSinks(db: Database, log: SinkLog = () => undefined): InjectedSinks<UntrustedPayloadSinks> {
  const seen = new Set<string>();
  return {
    untrustedPayload: {
      refused: {
        callDuringReplay: false,
        fn: async (info, refusal: UntrustedPayloadRefusal) => {
          const dedupKey = createHash('sm3')
            .update([info.workflowId, refusal.via, refusal.name, refusal.updateId ?? '', refusal.payload.digest].join('\n'))
            .digest('hex');
          if (seen.has(dedupKey)) return;
          const meta = { workflowId: info.workflowId, runId: info.runId, via: refusal.via, name: refusal.name, reason: refusal.payload.reason, digest: refusal.payload.digest };
          log('warn', 'refused an untrusted Temporal payload (unsigned or altered)', meta);
          try {
            await recordForgedPayloadOnce(db, {
              dedupKey,
              subject: `workflow:${info.workflowId}`,
              payload: {
                workflowType: info.workflowType,
                runId: info.runId,
                via: refusal.via,
                name: refusal.name,
                updateId: refusal.updateId,
                reason: refusal.payload.reason,
                digest: refusal.payload.digest,
                keyId: refusal.payload.keyId,
                preview: refusal.payload.preview,
              },
            });
            if (seen.size >= REMEMBERED) seen.clear();
            seen.add(dedupKey);
          } catch (err) {
            log('error', 'could not record the temporal.forged_payload security event', { ...meta, error: err instanceof Error ? err.message : String(err) });
          }
        },
      },
    },
  };
}
