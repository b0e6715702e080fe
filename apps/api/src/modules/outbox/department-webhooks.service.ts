import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@zs/domain';
import { DepartmentWebhookEntity, recordAdminAudit } from '@zs/persistence';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
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
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(): Promise<DepartmentWebhookListDto> {
    const rows = await this.dataSource.getRepository(DepartmentWebhookEntity).find({ order: { department: 'ASC', id: 'ASC' } });
    return { items: rows.map(toDepartmentWebhookView) };
  }

  async create(dto: CreateDepartmentWebhookDto, caller: AuthenticatedUser): Promise<CreatedDepartmentWebhookDto> {
    const secret = dto.secret ?? randomBytes(32).toString('base64url');
    return this.write(async (manager) => {
      const saved = await manager.getRepository(DepartmentWebhookEntity).save({
        department: dto.department.trim(),
        url: dto.url,
        format: dto.format,
        secret,
        active: dto.active ?? true,
      });
      const created = await manager.getRepository(DepartmentWebhookEntity).findOneByOrFail({ id: saved.id });
      await this.audit(manager, caller, 'department_webhook.created', created);
      return { ...toDepartmentWebhookView(created), secret };
    });
  }

  async update(id: string, dto: UpdateDepartmentWebhookDto, caller: AuthenticatedUser): Promise<DepartmentWebhookDto> {
    return this.write(async (manager) => {
      const repo = manager.getRepository(DepartmentWebhookEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound(id);
      await repo.update(
        { id },
        {
          department: dto.department.trim(),
          url: dto.url,
          format: dto.format,
          ...(dto.secret !== undefined ? { secret: dto.secret } : {}),
          ...(dto.active !== undefined ? { active: dto.active } : {}),
          updatedAt: () => 'now()',
        },
      );
      const updated = await repo.findOneByOrFail({ id });
      await this.audit(manager, caller, 'department_webhook.updated', updated, { secretRotated: dto.secret !== undefined });
      return toDepartmentWebhookView(updated);
    });
  }

  /** Rows still waiting for it are skipped by the dispatcher (their link is cleared); delivered ones keep their history. */
  async remove(id: string, caller: AuthenticatedUser): Promise<void> {
    await this.write(async (manager) => {
      const repo = manager.getRepository(DepartmentWebhookEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound(id);
      await repo.delete({ id });
      await this.audit(manager, caller, 'department_webhook.deleted', current);
    });
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (err) {
      if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23505') {
        throw new ApiException(ERROR_CODES.WRONG_STAGE, 'this department already has a webhook with that url', [{ field: 'url', message: 'already configured for this department' }]);
      }
      throw err;
    }
  }

  private audit(manager: EntityManager, caller: AuthenticatedUser, action: string, w: DepartmentWebhookEntity, extra: Record<string, unknown> = {}): Promise<void> {
    return recordAdminAudit(manager, {
      actor: { userId: caller.id, role: caller.role },
      action,
      subject: `department_webhook:${w.id}`,
      payload: { department: w.department, url: maskedUrl(w.url), format: w.format, active: w.active, ...extra },
    });
  }
}

function notFound(id: string): ApiException {
  return new ApiException(ERROR_CODES.NOT_FOUND, `department webhook ${id} not found`);
}
