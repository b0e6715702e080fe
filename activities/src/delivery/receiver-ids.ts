import { createHash } from 'node:crypto';

const MESSAGE_ID_DOMAIN = 'zhaoshang.local';

/**
 * The e-mail's Message-ID for an outbox key: the same for every attempt of the row, so a mail
 * system (or a person's client) can drop a duplicate. RFC 5322's id-left is a dot-atom; to stay
 * clear of picky mail software only letters, digits and `._+-` are kept, anything else (':' of
 * timestamps, '|', non-ASCII department names) becomes '-', and a hash of the whole key keeps two
 * keys that read alike distinct.
 */
export function messageIdFor(dedupeKey: string): string {
  const readable = dedupeKey
    .replace(/[^A-Za-z0-9._+-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 160)
    .replace(/\.+$/, '');
  const hash = createHash('sha256').update(dedupeKey, 'utf8').digest('hex').slice(0, 16);
  return `<${readable ? `${readable}.` : ''}${hash}@${MESSAGE_ID_DOMAIN}>`;
}

/**
 * The webhook's Idempotency-Key: the outbox key itself. HTTP header values are bytes, so a key with
 * spaces or non-ASCII text (a department name) has those characters percent-encoded.
 */
export function idempotencyKeyHeader(value: string): string {
  return value.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
}
