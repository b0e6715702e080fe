import type { DepartmentWebhookEntity } from '@zs/persistence';
import type { DepartmentWebhookDto } from './dto/department-webhook.dto';
import { maskedUrl, secretHint } from './masked-url';
import { WEBHOOK_FORMAT_LABELS } from './outbox-labels';

export function toDepartmentWebhookView(w: DepartmentWebhookEntity): DepartmentWebhookDto {
  return {
    id: w.id,
    department: w.department,
    url: maskedUrl(w.url),
    format: w.format,
    formatLabel: WEBHOOK_FORMAT_LABELS[w.format],
    secretHint: secretHint(w.secret),
    active: w.active,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}
