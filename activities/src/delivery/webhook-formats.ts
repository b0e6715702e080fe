import { NOTIFICATION_KIND_LABELS } from '@zs/contracts';
import type { WebhookFormat } from '@zs/persistence';
import type { OutboxPayload } from '../notifier/outbox-plan';

/** What a webhook post says, whatever the receiver's format. */
export interface WebhookContent {
  dedupeKey: string;
  eventKey: string;
  subject: string;
  body: string;
  payload: OutboxPayload;
  createdAt: Date;
}

/** WeCom refuses markdown content over 4096 bytes; DingTalk's limit is larger, the same cut keeps both readable. */
const ROBOT_MARKDOWN_MAX_BYTES = 4096;

export function formatWebhookBody(format: WebhookFormat, content: WebhookContent): Record<string, unknown> {
  switch (format) {
    case 'generic':
      return genericBody(content);
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: robotMarkdown(content) } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: content.subject, text: robotMarkdown(content) } };
  }
}

/** Our own JSON: everything a receiving system needs to act on or store the alert. */
function genericBody(c: WebhookContent): Record<string, unknown> {
  return {
    id: c.dedupeKey,
    event: c.eventKey,
    kind: c.payload.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[c.payload.kind] ?? c.payload.kind,
    level: c.payload.level,
    title: c.subject,
    body: c.body,
    projectId: c.payload.projectId,
    department: c.payload.department,
    data: c.payload.data,
    createdAt: c.createdAt.toISOString(),
  };
}

/** A group-robot message: title as a heading, the text, then what kind of alert it is. */
export function robotMarkdown(c: WebhookContent): string {
  const label = NOTIFICATION_KIND_LABELS[c.payload.kind] ?? c.payload.kind;
  const level = c.payload.level > 0 ? ` · ${c.payload.level}级` : '';
  const department = c.payload.department ? ` · ${c.payload.department}` : '';
  return truncateUtf8(`### ${c.subject}\n${c.body}\n\n> ${label}${level}${department}`, ROBOT_MARKDOWN_MAX_BYTES);
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  let out = '';
  let bytes = Buffer.byteLength(ellipsis, 'utf8');
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out + ellipsis;
}
