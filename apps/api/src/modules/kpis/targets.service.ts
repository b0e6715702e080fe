import { Inject, Injectable } from '@nestjs/common';
import { DOUBLE_HALF_DEFINITION, DomainError, ERROR_CODES, parseAnnualTarget, shanghaiDate, targetProgress, type AnnualTarget, type TargetScopeKind, localized } from '@zs/domain';
import {
  findAccountById,
  findDepartment,
  findTeam,
  inTransaction,
  listDepartments,
  listTargets,
  listTeams,
  lockTarget,
  recordAdminAudit,
  upsertTarget,
  type Database,
  type StoredTarget,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { fieldRefusal, fromDomainError } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import { KpiFactsCache } from './kpi-facts-cache';
import type { PutTargetDto, TargetDto, TargetProgressQuery, TargetProgressReportDto, TargetsQuery } from './dto/target.dto';

function asApiError(err: unknown): never {
  if (err instanceof DomainError) throw fromDomainError(err);
  throw err;
}

@Injectable()
export class TargetsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly sources: KpiFactsCache,
  ) {}

  /** Sets one scope's annual target; the change and its admin audit record (before and after) commit together. */
  async put(user: AuthenticatedUser, body: PutTargetDto): Promise<TargetDto> {
    let target: AnnualTarget;
    try {
      target = parseAnnualTarget(body);
    } catch (err) {
      asApiError(err);
    }
    const scopeName = await this.scopeName(target.scopeKind, target.scopeId);
    if (scopeName === null) {
      throw fieldRefusal(
        ERROR_CODES.VALIDATION_FAILED,
        'scopeId',
        localized(`{field}不存在：${target.scopeId}`, `{field} ${target.scopeId} is not a known ${target.scopeKind}`),
      );
    }
    const stored = await inTransaction(this.db, async (tx) => {
      const before = await lockTarget(tx, target.year, target.scopeKind, target.scopeId);
      const after = await upsertTarget(tx, target, user.id);
      await recordAdminAudit(tx, {
        actor: { userId: user.id, role: user.role },
        action: before ? 'target.updated' : 'target.created',
        subject: `target:${target.year}:${target.scopeKind}:${target.scopeId}`,
        payload: { before: before ? measuresOf(before) : null, after: measuresOf(after) },
      });
      return after;
    });
    return toDto(stored, scopeName);
  }

  async list(q: TargetsQuery): Promise<TargetDto[]> {
    const targets = await listTargets(this.db, q.year, q.scopeKind);
    const names = await this.names();
    return targets.map((t) => toDto(t, names(t)));
  }

  async progress(q: TargetProgressQuery, now: number): Promise<TargetProgressReportDto> {
    const asOf = q.asOf ?? shanghaiDate(now);
    const [targets, { facts }] = await Promise.all([listTargets(this.db, q.year, q.scopeKind ?? 'department'), this.sources.read({})]);
    const names = await this.names();
    return {
      year: q.year,
      asOf,
      doubleHalfDefinition: DOUBLE_HALF_DEFINITION,
      items: targets.map((t) => {
        const p = targetProgress(t, facts, asOf);
        return { ...p, target: toDto(t, names(t)) };
      }),
    };
  }

  private async scopeName(kind: TargetScopeKind, id: string): Promise<string | null> {
    switch (kind) {
      case 'zone':
        return '全区';
      case 'department':
        return (await findDepartment(this.db, id))?.name ?? null;
      case 'team':
        return (await findTeam(this.db, id))?.name ?? null;
      case 'officer':
        return (await findAccountById(this.db, id))?.displayName ?? null;
    }
  }

  /** Names for a list of targets: departments and teams in one read each; officers shown by id. */
  private async names(): Promise<(t: StoredTarget) => string> {
    const [departments, teams] = await Promise.all([listDepartments(this.db), listTeams(this.db)]);
    const byId = new Map<string, string>([...departments.map((d) => [`department:${d.id}`, d.name] as const), ...teams.map((t) => [`team:${t.id}`, t.name] as const)]);
    return (t) => (t.scopeKind === 'zone' ? '全区' : (byId.get(`${t.scopeKind}:${t.scopeId}`) ?? t.scopeId));
  }
}

function measuresOf(t: AnnualTarget): Record<string, number | null> {
  return {
    contractInvestmentYi: t.contractInvestmentYi,
    fundsInPlaceYi: t.fundsInPlaceYi,
    countGe1: t.countGe1,
    countGe5: t.countGe5,
    countGe10: t.countGe10,
    fortune500Count: t.fortune500Count,
  };
}

function toDto(t: StoredTarget, scopeName: string): TargetDto {
  return {
    year: t.year,
    scopeKind: t.scopeKind,
    scopeId: t.scopeId,
    scopeName,
    ...measuresOf(t),
    updatedBy: t.updatedBy,
    updatedAt: t.updatedAt.toISOString(),
  } as TargetDto;
}
