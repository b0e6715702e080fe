import { Inject, Injectable } from '@nestjs/common';
import { adminActionLabel, ERROR_CODES, localized } from '@zs/domain';
import { listAdminAuditEvents, listSecurityEvents, namesOfReferences, type Database, type SecurityEventKind } from '@zs/persistence';
import { fieldRefusal } from '../../common/errors/api.exception';
import type { Page } from '../../common/http/page';
import { DATABASE } from '../../infrastructure/database.provider';
import type { AdminEventDto, SecurityEventDto } from './dto/security-audit.dto';
import type { ListAdminEventsQuery, ListSecurityEventsQuery } from './dto/security-audit.query';

export const SECURITY_EVENT_LABELS: Record<SecurityEventKind, string> = {
  'login.succeeded': '登录成功',
  'login.failed': '登录失败',
  'login.locked_out': '账号锁定期间尝试登录',
  'account.locked': '账号锁定',
  logout: '退出登录',
  'token.refused': '令牌被拒绝',
  'token.revoked': '令牌被撤销',
  'password.changed': '修改密码',
  'password.change_refused': '修改密码被拒绝',
  'password.reset': '管理员重置密码',
  'temporal.forged_payload': '工作流载荷伪造被拒绝',
};

/** 安全审计: the security events and the administrators' actions, for auditors. */
@Injectable()
export class SecurityAuditService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async securityEvents(q: ListSecurityEventsQuery): Promise<Page<SecurityEventDto>> {
    const { from, to } = range(q.from, q.to);
    const { items, total } = await listSecurityEvents(this.db, {
      kind: q.kind,
      actorUserId: q.userId,
      username: q.username,
      from,
      to,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: items.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        kindLabel: SECURITY_EVENT_LABELS[e.kind] ?? e.kind,
        outcome: e.outcome,
        userId: e.actorUserId,
        username: e.username,
        clientIp: e.clientIp,
        subject: e.subject,
        payload: e.payload,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async adminEvents(q: ListAdminEventsQuery): Promise<Page<AdminEventDto>> {
    const { from, to } = range(q.from, q.to);
    const { items, total } = await listAdminAuditEvents(this.db, {
      action: q.action,
      actorUserId: q.actor,
      subject: q.subject,
      from,
      to,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    // Auditors read names and Chinese labels beside the ids and codes (issue 10).
    const names = await namesOfReferences(this.db, { user: items.map((e) => e.actorUserId) });
    return {
      items: items.map((e) => ({ ...e, at: e.at.toISOString(), actionLabel: adminActionLabel(e.action), actorName: names.get(`user:${e.actorUserId}`) ?? null })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function range(fromText: string | undefined, toText: string | undefined): { from?: Date; to?: Date } {
  const from = fromText ? new Date(fromText) : undefined;
  const to = toText ? new Date(toText) : undefined;
  if (from && to && from.getTime() > to.getTime()) {
    throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'from', localized('{field}不得晚于结束时间', '{field} must not be after to'));
  }
  return { from, to };
}
