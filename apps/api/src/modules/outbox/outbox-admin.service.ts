import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { getOutboxEntry, inTransaction, listOutboxEntries, lockOutboxEntry, recordAdminAudit, requeueOutboxEntry, type Database } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import type { Page } from '../../common/http/page';
import { DATABASE } from '../../infrastructure/database.provider';
import type { ListOutboxQuery } from './dto/list-outbox.query';
import type { OutboxEntryDto } from './dto/outbox-entry.dto';
import { toOutboxEntry } from './outbox-entry.mapper';
import { OUTBOX_STATUS_LABELS } from './outbox-labels';

/** The delivery outbox for administrators: what is waiting, what failed for good, and re-queuing a dead letter. */
@Injectable()
export class OutboxAdminService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list({ status, channel, event, page, pageSize }: ListOutboxQuery): Promise<Page<OutboxEntryDto>> {
    const { rows, total } = await listOutboxEntries(this.db, { status, channel, eventKey: event }, page, pageSize);
    return { items: rows.map(toOutboxEntry), total, page, pageSize };
  }

  /**
   * A dead letter back to pending with its attempts reset, so the dispatcher sends it again with the
   * full retry budget (same row, same key: a receiver that did get it can still drop it). Audited.
   */
  async retry(id: string, caller: AuthenticatedUser, reason: string | undefined): Promise<OutboxEntryDto> {
    return inTransaction(this.db, async (tx) => {
      const row = await lockOutboxEntry(tx, id);
      if (!row) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`发送记录 ${id} 不存在`, `outbox entry ${id} not found`));
      if (row.status !== 'dead_letter') {
        throw new ApiException(
          ERROR_CODES.WRONG_STAGE,
          localized(
            `发送记录 ${id} 处于「${OUTBOX_STATUS_LABELS[row.status]}」状态，只有投递失败（死信）的记录可以重发`,
            `outbox entry ${id} is ${row.status} (${OUTBOX_STATUS_LABELS[row.status]}); only a dead letter can be retried`,
          ),
        );
      }
      await requeueOutboxEntry(tx, id);
      await recordAdminAudit(tx, {
        actor: { userId: caller.id, role: caller.role },
        action: 'outbox.retried',
        subject: `outbox:${id}`,
        reason: reason ?? null,
        payload: { dedupeKey: row.dedupeKey, previousAttempts: row.attempts, lastError: row.lastError },
      });
      return toOutboxEntry(await getOutboxEntry(tx, id));
    });
  }
}
