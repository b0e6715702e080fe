import { outcomeForHttpStatus, parseRetryAfterMs, type DeliveryOutcome } from './delivery-outcome';
import type { MessageSender } from './message-sender';
import type { OutboxMessage } from './outbox-message';
import { idempotencyKeyHeader } from './receiver-ids';
import { robotRefusal } from './robot-response';
import { formatWebhookBody } from './webhook-formats';
import { dingTalkSignedUrl, zsSignatureHeader } from './webhook-signature';

export interface WebhookSenderOptions {
  /** Per request; well under the dispatcher's lease. */
  timeoutMs?: number;
  now?: () => number;
}

/** Posts a row to its department's webhook in the webhook's format, signed, with the outbox key as Idempotency-Key. */
export class WebhookSender implements MessageSender {
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: WebhookSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async send(message: OutboxMessage): Promise<DeliveryOutcome> {
    const hook = message.webhook;
    if (!hook) return { kind: 'skipped', error: 'the department webhook was deleted' };
    if (!hook.active) return { kind: 'skipped', error: 'the department webhook is deactivated' };

    const body = JSON.stringify(formatWebhookBody(hook.format, message));
    const nowMs = this.now();
    const url = hook.format === 'dingtalk' ? dingTalkSignedUrl(hook.url, hook.secret, nowMs) : hook.url;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'zhaoshang-notifier/1',
          'idempotency-key': idempotencyKeyHeader(message.dedupeKey),
          'x-zs-signature': zsSignatureHeader(hook.secret, body, Math.floor(nowMs / 1000)),
        },
      });
    } catch (err) {
      return { kind: 'retry', error: `request failed: ${describe(err)}` };
    }
    const text = await res.text().catch(() => '');
    const outcome = outcomeForHttpStatus(res.status, text.slice(0, 300), parseRetryAfterMs(res.headers.get('retry-after'), nowMs));
    return outcome.kind === 'delivered' ? (robotRefusal(hook.format, text, res.status) ?? outcome) : outcome;
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return 'timed out';
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${err.message} (${cause.code ?? cause.message ?? 'unknown cause'})` : err.message;
}
