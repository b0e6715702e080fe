import { localized } from '@zs/domain';
import { Inject, Injectable } from '@nestjs/common';
import {
  findIndustryChain,
  industryChainNameTaken,
  inTransaction,
  insertIndustryChain,
  isUniqueViolation,
  listIndustryChains,
  lockIndustryChain,
  nextIndustryChainSortOrder,
  updateIndustryChain,
  type Database,
  type IndustryChainFields,
  type IndustryChainRecord,
  type Transaction,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { DATABASE } from '../../infrastructure/database.provider';
import type { CreateIndustryChainDto, IndustryChainViewDto, UpdateIndustryChainDto } from './dto/industry-chain.dto';
import { auditOrgChange } from './org-audit';
import { notFound, taken, CHAIN } from './org-errors';
import { requireActiveUsers, requireDistinct } from './org-references';
import { toIndustryChainView } from './org-views';

/** 产业链登记 (八链两组一室): chains, groups and the office with their 链长 and 分链长; every change audited. */
@Injectable()
export class IndustryChainsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(filter: { active?: boolean }): Promise<IndustryChainViewDto[]> {
    return (await listIndustryChains(this.db, filter)).map(toIndustryChainView);
  }

  async get(id: string): Promise<IndustryChainViewDto> {
    const chain = await findIndustryChain(this.db, id);
    if (!chain) throw notFound(CHAIN, id);
    return toIndustryChainView(chain);
  }

  async create(caller: AuthenticatedUser, dto: CreateIndustryChainDto): Promise<IndustryChainViewDto> {
    return this.write(async (tx) => {
      const fields: IndustryChainFields = {
        name: dto.name.trim(),
        kind: dto.kind,
        chiefUserId: dto.chiefUserId ?? null,
        deputyUserIds: dto.deputyUserIds ?? [],
        sortOrder: dto.sortOrder ?? (await nextIndustryChainSortOrder(tx)),
      };
      await this.check(tx, fields, null);
      const after = toIndustryChainView(await insertIndustryChain(tx, fields));
      await auditOrgChange(tx, caller, { action: 'industry_chain.created', subject: `industry_chain:${after.id}`, before: null, after, reason: dto.reason });
      return after;
    });
  }

  async update(caller: AuthenticatedUser, id: string, dto: UpdateIndustryChainDto): Promise<IndustryChainViewDto> {
    return this.write(async (tx) => {
      const current = await lockIndustryChain(tx, id);
      if (!current) throw notFound(CHAIN, id);
      const next: IndustryChainFields = {
        name: dto.name?.trim() ?? current.name,
        kind: dto.kind ?? current.kind,
        chiefUserId: dto.chiefUserId === undefined ? current.chiefUserId : dto.chiefUserId,
        deputyUserIds: dto.deputyUserIds ?? current.deputyUserIds,
        sortOrder: dto.sortOrder ?? current.sortOrder,
      };
      await this.check(tx, next, current);
      return this.save(tx, caller, current, { ...next, active: current.active }, 'industry_chain.updated', dto.reason);
    });
  }

  async setActive(caller: AuthenticatedUser, id: string, active: boolean, reason?: string): Promise<IndustryChainViewDto> {
    return this.write(async (tx) => {
      const current = await lockIndustryChain(tx, id);
      if (!current) throw notFound(CHAIN, id);
      if (current.active === active) return toIndustryChainView(current);
      return this.save(tx, caller, current, { ...current, active }, active ? 'industry_chain.activated' : 'industry_chain.deactivated', reason);
    });
  }

  private async save(
    tx: Transaction,
    caller: AuthenticatedUser,
    current: IndustryChainRecord,
    next: IndustryChainFields & { active: boolean },
    action: string,
    reason?: string,
  ): Promise<IndustryChainViewDto> {
    const before = toIndustryChainView(current);
    const after = toIndustryChainView(await updateIndustryChain(tx, current.id, next));
    await auditOrgChange(tx, caller, { action, subject: `industry_chain:${current.id}`, before, after, reason });
    return after;
  }

  /** A unique name; the chief and newly named deputies must be active users (those already named may stay). */
  private async check(tx: Transaction, c: IndustryChainFields, current: IndustryChainRecord | null): Promise<void> {
    if (await industryChainNameTaken(tx, c.name, current?.id)) throw taken('name', localized(`产业链名称「${c.name}」已登记`, `an industry chain named 「${c.name}」 exists already`));
    requireDistinct('deputyUserIds', c.deputyUserIds);
    if (c.chiefUserId !== null && c.chiefUserId !== current?.chiefUserId) await requireActiveUsers(tx, 'chiefUserId', [c.chiefUserId]);
    await requireActiveUsers(
      tx,
      'deputyUserIds',
      c.deputyUserIds.filter((id) => !current?.deputyUserIds.includes(id)),
    );
  }

  private async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.db, work);
    } catch (err) {
      if (isUniqueViolation(err)) throw taken('name', localized('产业链名称已登记', 'an industry chain of that name exists already'));
      throw err;
    }
  }
}
