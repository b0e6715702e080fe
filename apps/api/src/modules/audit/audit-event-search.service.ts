import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { searchAuditEvents, type Database } from '@zs/persistence';
import { fieldRefusal } from '../../common/errors/api.exception';
import type { Page } from '../../common/http/page';
import { DATABASE } from '../../infrastructure/database.provider';
import { readableHistory } from '../projects/readable-history';
import type { AuditEventItemDto } from './dto/audit-history.dto';
import type { AuditEventsQuery } from './dto/audit-history.query';

/** 跨项目历史检索: every project's audit events, filtered, newest first, read as a project's history reads them. */
@Injectable()
export class AuditEventSearchService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async search(q: AuditEventsQuery): Promise<Page<AuditEventItemDto>> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from.getTime() > to.getTime()) {
      throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'from', localized('{field}不得晚于结束时间', '{field} must not be after to'));
    }
    const offset = (q.page - 1) * q.pageSize;
    const { rows, total } = await searchAuditEvents(this.db, {
      actorUserId: q.actorUserId,
      action: q.action,
      from,
      to,
      departmentId: q.departmentId,
      projectId: q.projectId,
      limit: q.pageSize,
      offset,
    });
    const items = await readableHistory(this.db, rows, offset + 1);
    return {
      items: items.map((item, i) => ({ ...item, projectId: rows[i].projectId, companyName: rows[i].companyName })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
