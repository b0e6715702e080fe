import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@zs/domain';
import { NotificationOutboxEntity, recordAdminAudit, type OutboxStatus } from '@zs/persistence';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import type { Page } from '../../common/http/page';
import type { ListOutboxQuery } from './dto/list-outbox.query';
import type { OutboxEntryDto } from './dto/outbox-entry.dto';
import { toOutboxEntry } from './outbox-entry.mapper';
import { OUTBOX_STATUS_LABELS } from './outbox-labels';

/** The delivery outbox for administrators: what is waiting, what failed for good, and re-queuing a dead letter. */
@Injectable()
export class OutboxAdminService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list({ status, channel, event, page, pageSize }: ListOutboxQuery): Promise<Page<OutboxEntryDto>> {
    const where: FindOptionsWhere<NotificationOutboxEntity> = {
      ...(status ? { status } : {}),
      ...(channel ? { channel } : {}),
      ...(event ? { eventKey: event } : {}),
    };
    const [rows, total] = await this.dataSource.getRepository(NotificationOutboxEntity).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toOutboxEntry), total, page, pageSize };
  }

  /**
   * A dead letter back to pending with its attempts reset, so the dispatcher sends it again with the
   * full retry budget (same row, same key: a receiver that did get it can still drop it). Audited.
   */
  async retry(id: string, caller: AuthenticatedUser, reason: string | undefined): Promise<OutboxEntryDto> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { status: OutboxStatus; attempts: number; last_error: string | null; dedupe_key: string }[] = await manager.query(
        `SELECT status, attempts, last_error, dedupe_key FROM notification_outbox WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const row = rows[0];
      if (!row) throw new ApiException(ERROR_CODES.NOT_FOUND, `outbox entry ${id} not found`);
      if (row.status !== 'dead_letter') {
        throw new ApiException(
          ERROR_CODES.WRONG_STAGE,
          `outbox entry ${id} is ${row.status} (${OUTBOX_STATUS_LABELS[row.status]}); only a dead letter can be retried`,
        );
      }
      await manager.query(`UPDATE notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await recordAdminAudit(manager, {
        actor: { userId: caller.id, role: caller.role },
        action: 'outbox.retried',
        subject: `outbox:${id}`,
        reason: reason ?? null,
        payload: { dedupeKey: row.dedupe_key, previousAttempts: row.attempts, lastError: row.last_error },
      });
      return toOutboxEntry(await manager.getRepository(NotificationOutboxEntity).findOneByOrFail({ id }));
    });
  }
}
