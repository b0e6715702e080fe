import type { WebhookFormat } from '@zs/persistence';
import type { DeliveryOutcome } from './delivery-outcome';

/**
 * WeCom and DingTalk robots answer HTTP 200 even when they refuse a message, with a non-zero
 * `errcode` in the body. Rate limits are transient; anything else (bad key or signature, keyword
 * missing, content invalid) needs a person: dead letter.
 */
const RATE_LIMITED: Record<'wecom' | 'dingtalk', number[]> = {
  wecom: [45009, 45033],
  dingtalk: [130101, 660026],
};

export function robotRefusal(format: WebhookFormat, responseText: string, status: number): DeliveryOutcome | null {
  if (format === 'generic') return null;
  let parsed: { errcode?: unknown; errmsg?: unknown };
  try {
    parsed = JSON.parse(responseText) as typeof parsed;
  } catch {
    return null;
  }
  const code = typeof parsed.errcode === 'number' ? parsed.errcode : 0;
  if (code === 0) return null;
  const error = `robot errcode ${code}: ${String(parsed.errmsg ?? '')}`.slice(0, 300);
  return RATE_LIMITED[format].includes(code) ? { kind: 'retry', error, statusCode: status } : { kind: 'dead_letter', error, statusCode: status };
}
