import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Our signature on every webhook: `X-ZS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The timestamp inside the signed text lets a receiver refuse replays older than its tolerance.
 */
export function zsSignatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${zsSignature(secret, body, unixSeconds)}`;
}

export function zsSignature(secret: string, body: string, unixSeconds: number): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
}

/** A receiver's check (also used by the tests): the header's v1 matches and t is within `toleranceSeconds` of now. */
export function verifyZsSignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(zsSignature(secret, body, t), 'hex'));
}

/** DingTalk robot 加签: base64(HMAC-SHA256(secret, "<timestamp ms>\n<secret>")). */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with DingTalk's `timestamp` and URL-encoded `sign` query parameters added. */
export function dingTalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', dingTalkSign(secret, timestampMs));
  return signed.toString();
}
