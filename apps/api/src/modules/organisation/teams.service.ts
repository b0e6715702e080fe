import { localized } from '@zs/domain';
import { Inject, Injectable } from '@nestjs/common';
import { findTeam, inTransaction, insertTeam, listTeams, lockTeam, updateTeam, type Database, type TeamFields, type TeamFilter, type TeamRecord, type Transaction } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { DATABASE } from '../../infrastructure/database.provider';
import type { CreateTeamDto, TeamViewDto, UpdateTeamDto } from './dto/team.dto';
import { auditOrgChange } from './org-audit';
import { badField, notFound, TEAM } from './org-errors';
import { requireActiveDepartment, requireActiveUsers, requireDistinct } from './org-references';
import { toTeamView } from './org-views';

/** 小分队管理: teams within a department or a campaign, their members and leader; every change audited. */
@Injectable()
export class TeamsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(filter: TeamFilter): Promise<TeamViewDto[]> {
    return (await listTeams(this.db, filter)).map(toTeamView);
  }

  async get(id: string): Promise<TeamViewDto> {
    const team = await findTeam(this.db, id);
    if (!team) throw notFound(TEAM, id);
    return toTeamView(team);
  }

  async create(caller: AuthenticatedUser, dto: CreateTeamDto): Promise<TeamViewDto> {
    const fields: TeamFields = {
      name: dto.name.trim(),
      departmentId: dto.departmentId ?? null,
      campaignId: dto.campaignId ?? null,
      leaderUserId: dto.leaderUserId ?? null,
      memberUserIds: dto.memberUserIds ?? [],
    };
    return inTransaction(this.db, async (tx) => {
      await this.check(tx, fields, null);
      const after = toTeamView(await insertTeam(tx, fields));
      await auditOrgChange(tx, caller, { action: 'team.created', subject: `team:${after.id}`, before: null, after, reason: dto.reason });
      return after;
    });
  }

  async update(caller: AuthenticatedUser, id: string, dto: UpdateTeamDto): Promise<TeamViewDto> {
    return inTransaction(this.db, async (tx) => {
      const current = await lockTeam(tx, id);
      if (!current) throw notFound(TEAM, id);
      const next: TeamFields = {
        name: dto.name?.trim() ?? current.name,
        departmentId: dto.departmentId === undefined ? current.departmentId : dto.departmentId,
        campaignId: dto.campaignId === undefined ? current.campaignId : dto.campaignId,
        leaderUserId: dto.leaderUserId === undefined ? current.leaderUserId : dto.leaderUserId,
        memberUserIds: dto.memberUserIds ?? current.memberUserIds,
      };
      await this.check(tx, next, current);
      return this.save(tx, caller, current, { ...next, active: current.active }, 'team.updated', dto.reason);
    });
  }

  async setActive(caller: AuthenticatedUser, id: string, active: boolean, reason?: string): Promise<TeamViewDto> {
    return inTransaction(this.db, async (tx) => {
      const current = await lockTeam(tx, id);
      if (!current) throw notFound(TEAM, id);
      if (current.active === active) return toTeamView(current);
      return this.save(tx, caller, current, { ...current, active }, active ? 'team.activated' : 'team.deactivated', reason);
    });
  }

  private async save(tx: Transaction, caller: AuthenticatedUser, current: TeamRecord, next: TeamFields & { active: boolean }, action: string, reason?: string): Promise<TeamViewDto> {
    const before = toTeamView(current);
    const after = toTeamView(await updateTeam(tx, current.id, next));
    await auditOrgChange(tx, caller, { action, subject: `team:${current.id}`, before, after, reason });
    return after;
  }

  /** References must hold; members already in the team may stay even if they left (only newcomers must be active users). */
  private async check(tx: Transaction, t: TeamFields, current: TeamRecord | null): Promise<void> {
    requireDistinct('memberUserIds', t.memberUserIds);
    if (t.departmentId !== (current?.departmentId ?? null)) await requireActiveDepartment(tx, 'departmentId', t.departmentId);
    const newcomers = t.memberUserIds.filter((id) => !current?.memberUserIds.includes(id));
    await requireActiveUsers(tx, 'memberUserIds', newcomers);
    if (t.leaderUserId !== null && !t.memberUserIds.includes(t.leaderUserId)) {
      throw badField('leaderUserId', localized('{field}须为本小分队的队员', '{field} must be one of the team members (memberUserIds)'));
    }
  }
}
