// The department webhooks as alerts need them: which ones an alert is posted to, and how to post a claimed row.
import type { Queryable } from '../database';
import type { WebhookFormat } from '../entities/department-webhook.entity';

/** A department webhook an alert is posted to. */
export interface TargetWebhook {
  id: string;
  department: string;
  url: string;
}

/** The department webhook a row is for, as configured now (url, format or secret may have changed since the row was written). */
export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
  secret: string;
  active: boolean;
}

/** The active webhooks of `departments`, by id; read in the enqueueing transaction. */
export async function activeWebhooksOf(db: Queryable, departments: readonly string[]): Promise<TargetWebhook[]> {
  if (departments.length === 0) return [];
  const rows: TargetWebhook[] = await db.query(
    `SELECT id::text AS id, department, url FROM department_webhooks WHERE active AND department = ANY($1::text[]) ORDER BY id`,
    [departments],
  );
  return rows;
}

/** The webhooks with these ids as they are now, by id; a deleted one is simply absent. */
export async function webhookTargetsById(db: Queryable, ids: readonly string[]): Promise<Map<string, WebhookTarget>> {
  if (ids.length === 0) return new Map();
  const rows: Array<WebhookTarget & { id: string }> = await db.query(
    `SELECT id::text AS id, url, format, secret, active FROM department_webhooks WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((w) => [w.id, { url: w.url, format: w.format, secret: w.secret, active: w.active }]));
}
