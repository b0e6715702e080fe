// Administrators' changes to department_webhooks; each runs in the caller's transaction so its admin audit record commits with it.
import type { Database, Transaction } from '../database';
import { DepartmentWebhookEntity, type WebhookFormat } from '../entities/department-webhook.entity';

export interface DepartmentWebhookInput {
  department: string;
  url: string;
  format: WebhookFormat;
  secret: string;
  active: boolean;
}

/** What an update may change; the secret and the active flag only when given. */
export type DepartmentWebhookChanges = Pick<DepartmentWebhookInput, 'department' | 'url' | 'format'> & Partial<Pick<DepartmentWebhookInput, 'secret' | 'active'>>;

export function listDepartmentWebhooks(db: Database): Promise<DepartmentWebhookEntity[]> {
  return db.getRepository(DepartmentWebhookEntity).find({ order: { department: 'ASC', id: 'ASC' } });
}

/** Inserts it and answers the stored row (id and timestamps from the database). A second url for the department fails as a unique violation. */
export async function createDepartmentWebhook(tx: Transaction, input: DepartmentWebhookInput): Promise<DepartmentWebhookEntity> {
  const repo = tx.getRepository(DepartmentWebhookEntity);
  const saved = await repo.save({ ...input });
  return repo.findOneByOrFail({ id: saved.id });
}

/** The webhook, locked until `tx` ends so concurrent changes apply one after the other; null when there is none. */
export function lockDepartmentWebhook(tx: Transaction, id: string): Promise<DepartmentWebhookEntity | null> {
  return tx.getRepository(DepartmentWebhookEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function updateDepartmentWebhook(tx: Transaction, id: string, changes: DepartmentWebhookChanges): Promise<DepartmentWebhookEntity> {
  const repo = tx.getRepository(DepartmentWebhookEntity);
  await repo.update(
    { id },
    {
      department: changes.department,
      url: changes.url,
      format: changes.format,
      ...(changes.secret !== undefined ? { secret: changes.secret } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      updatedAt: () => 'now()',
    },
  );
  return repo.findOneByOrFail({ id });
}

/** Outbox rows still waiting for it lose their link (the dispatcher skips them); delivered ones keep their history. */
export async function deleteDepartmentWebhook(tx: Transaction, id: string): Promise<void> {
  await tx.getRepository(DepartmentWebhookEntity).delete({ id });
}
