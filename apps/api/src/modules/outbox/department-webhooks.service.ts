import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import {
  createDepartmentWebhook,
  deleteDepartmentWebhook,
  inTransaction,
  isUniqueViolation,
  listDepartmentWebhooks,
  lockDepartmentWebhook,
  recordAdminAudit,
  updateDepartmentWebhook,
  type Database,
  type DepartmentWebhookEntity,
  type Transaction,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import { toDepartmentWebhookView } from './department-webhook.mapper';
import type {
  CreateDepartmentWebhookDto,
  CreatedDepartmentWebhookDto,
  DepartmentWebhookDto,
  DepartmentWebhookListDto,
  UpdateDepartmentWebhookDto,
} from './dto/department-webhook.dto';
import { maskedUrl } from './masked-url';

/** The departments' group robots and endpoints. Every change is in the admin audit log (never the secret). */
@Injectable()
export class DepartmentWebhooksService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(): Promise<DepartmentWebhookListDto> {
    const rows = await listDepartmentWebhooks(this.db);
    return { items: rows.map(toDepartmentWebhookView) };
  }

  async create(dto: CreateDepartmentWebhookDto, caller: AuthenticatedUser): Promise<CreatedDepartmentWebhookDto> {
    const secret = dto.secret ?? randomBytes(32).toString('base64url');
    return this.write(async (tx) => {
      const created = await createDepartmentWebhook(tx, {
        department: dto.department.trim(),
        url: dto.url,
        format: dto.format,
        secret,
        active: dto.active ?? true,
      });
      await this.audit(tx, caller, 'department_webhook.created', created);
      return { ...toDepartmentWebhookView(created), secret };
    });
  }

  async update(id: string, dto: UpdateDepartmentWebhookDto, caller: AuthenticatedUser): Promise<DepartmentWebhookDto> {
    return this.write(async (tx) => {
      if (!(await lockDepartmentWebhook(tx, id))) throw notFound(id);
      const updated = await updateDepartmentWebhook(tx, id, {
        department: dto.department.trim(),
        url: dto.url,
        format: dto.format,
        // null (allowed by @IsOptional) means "unchanged", like absent: never a NULL into a NOT NULL column.
        secret: dto.secret ?? undefined,
        active: dto.active ?? undefined,
      });
      await this.audit(tx, caller, 'department_webhook.updated', updated, { secretRotated: dto.secret != null });
      return toDepartmentWebhookView(updated);
    });
  }

  /** Rows still waiting for it are skipped by the dispatcher (their link is cleared); delivered ones keep their history. */
  async remove(id: string, caller: AuthenticatedUser): Promise<void> {
    await this.write(async (tx) => {
      const current = await lockDepartmentWebhook(tx, id);
      if (!current) throw notFound(id);
      await deleteDepartmentWebhook(tx, id);
      await this.audit(tx, caller, 'department_webhook.deleted', current);
    });
  }

  private async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.db, work);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ApiException(ERROR_CODES.WRONG_STAGE, localized('该部门已配置了此地址的群机器人', 'this department already has a webhook with that url'), [
          { field: 'url', message: localized('{field}已为该部门配置', '{field} is already configured for this department') },
        ]);
      }
      throw err;
    }
  }

  private audit(tx: Transaction, caller: AuthenticatedUser, action: string, w: DepartmentWebhookEntity, extra: Record<string, unknown> = {}): Promise<void> {
    return recordAdminAudit(tx, {
      actor: { userId: caller.id, role: caller.role },
      action,
      subject: `department_webhook:${w.id}`,
      payload: { department: w.department, url: maskedUrl(w.url), format: w.format, active: w.active, ...extra },
    });
  }
}

function notFound(id: string): ApiException {
  return new ApiException(ERROR_CODES.NOT_FOUND, localized(`部门群机器人 ${id} 不存在`, `department webhook ${id} not found`));
}
