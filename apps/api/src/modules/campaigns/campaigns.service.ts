import { Inject, Injectable } from '@nestjs/common';
import { NO_CAMPAIGN_TARGETS, type CampaignTargets, localized } from '@zs/domain';
import {
  findCampaign,
  insertCampaign,
  inTransaction,
  listCampaigns,
  lockCampaign,
  recordAdminAudit,
  replaceCampaignRoster,
  unknownActiveTeamIds,
  unknownActiveUserIds,
  updateCampaign,
  type CampaignChanges,
  type CampaignRecord,
  type Database,
  type Transaction,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import { DATABASE } from '../../infrastructure/database.provider';
import { campaignFieldError, campaignFrozen, campaignNotFound } from './campaign-errors';
import { fullTargets, toCampaignView } from './campaign-view.mapper';
import type { CampaignRosterDto } from './dto/campaign-roster.dto';
import type { CampaignTargetsDto } from './dto/campaign-targets.dto';
import type { CampaignDto } from './dto/campaign-view.dto';
import type { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign-write.dto';
import type { ListCampaignsQuery } from './dto/campaign-queries';

const subject = (id: string) => `campaign:${id}`;

function targetsOf(dto: CampaignTargetsDto | null | undefined): CampaignTargets {
  return dto ? fullTargets(dto) : { ...NO_CAMPAIGN_TARGETS };
}

function requireOrderedPeriod(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw campaignFieldError('endsOn', localized(`{field}不能早于开始日期（${startsOn}）`, `{field} must not be before startsOn (${startsOn})`));
}

/**
 * 招商攻势的建立、修改与名单。Each change and its admin audit record (before → after) commit in
 * one transaction; the campaign row is locked so concurrent changes and the snapshot serialise.
 * After the leaderboard is frozen the campaign no longer changes (409 CAMPAIGN_FROZEN).
 */
@Injectable()
export class CampaignsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(query: ListCampaignsQuery): Promise<Page<CampaignDto>> {
    const { rows, total } = await listCampaigns(this.db, { activeOn: query.activeOn, page: query.page, pageSize: query.pageSize });
    const now = Date.now();
    return { items: rows.map((c) => toCampaignView(c, now)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<CampaignDto> {
    return toCampaignView(await this.require(id));
  }

  async require(id: string): Promise<CampaignRecord> {
    const campaign = await findCampaign(this.db, id);
    if (!campaign) throw campaignNotFound(id);
    return campaign;
  }

  create(dto: CreateCampaignDto, caller: AuthenticatedUser): Promise<CampaignDto> {
    requireOrderedPeriod(dto.startsOn, dto.endsOn);
    return inTransaction(this.db, async (tx) => {
      const id = await insertCampaign(tx, {
        name: dto.name.trim(),
        description: dto.description ?? null,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        targets: targetsOf(dto.targets),
        createdBy: caller.id,
      });
      const after = toCampaignView((await findCampaign(tx, id))!);
      await this.audit(tx, caller, 'campaign.created', id, { before: null, after });
      return after;
    });
  }

  update(id: string, dto: UpdateCampaignDto, caller: AuthenticatedUser): Promise<CampaignDto> {
    const changes = this.changesOf(dto);
    return inTransaction(this.db, async (tx) => {
      const current = await this.lockOpen(tx, id);
      requireOrderedPeriod(changes.startsOn ?? current.startsOn, changes.endsOn ?? current.endsOn);
      await updateCampaign(tx, id, changes);
      const after = toCampaignView((await findCampaign(tx, id))!);
      await this.audit(tx, caller, 'campaign.updated', id, { before: toCampaignView(current), after, changed: Object.keys(changes) });
      return after;
    });
  }

  async setRoster(id: string, dto: CampaignRosterDto, caller: AuthenticatedUser): Promise<CampaignDto> {
    const teamIds = dto.teamIds.map((t) => t.toLowerCase());
    const officerUserIds = dto.officerUserIds.map((u) => u.toLowerCase());
    return inTransaction(this.db, async (tx) => {
      const current = await this.lockOpen(tx, id);
      const unknownTeams = await unknownActiveTeamIds(tx, teamIds);
      if (unknownTeams.length > 0) throw campaignFieldError('teamIds', localized(`{field}含有不存在或已停用的小分队：${unknownTeams.join('、')}`, `{field} has unknown or inactive teams: ${unknownTeams.join(', ')}`));
      const unknownOfficers = await unknownActiveUserIds(tx, officerUserIds);
      if (unknownOfficers.length > 0) throw campaignFieldError('officerUserIds', localized(`{field}含有不存在或已停用的人员：${unknownOfficers.join('、')}`, `{field} has unknown or inactive users: ${unknownOfficers.join(', ')}`));
      await replaceCampaignRoster(tx, id, { teamIds, officerUserIds });
      const after = toCampaignView((await findCampaign(tx, id))!);
      await this.audit(tx, caller, 'campaign.roster_set', id, {
        before: { teams: current.teams, officers: current.officers },
        after: { teams: after.teams, officers: after.officers },
      });
      return after;
    });
  }

  /** What a PATCH changes; a field sent as null that cannot be null is refused naming it. */
  private changesOf(dto: UpdateCampaignDto): CampaignChanges {
    const changes: CampaignChanges = {};
    for (const field of ['name', 'startsOn', 'endsOn'] as const) {
      if (dto[field] === null) throw campaignFieldError(field, localized('{field}不能为空', '{field} must not be null'));
    }
    if (dto.name !== undefined) changes.name = dto.name.trim();
    if (dto.description !== undefined) changes.description = dto.description;
    if (dto.startsOn !== undefined) changes.startsOn = dto.startsOn;
    if (dto.endsOn !== undefined) changes.endsOn = dto.endsOn;
    if (dto.targets !== undefined) changes.targets = targetsOf(dto.targets);
    if (Object.keys(changes).length === 0) throw campaignFieldError('body', localized('至少需要修改一项：名称、描述、开始日期、结束日期或目标', 'nothing to change: give name, description, startsOn, endsOn or targets'));
    return changes;
  }

  private async lockOpen(tx: Transaction, id: string): Promise<CampaignRecord> {
    const current = await lockCampaign(tx, id);
    if (!current) throw campaignNotFound(id);
    if (current.frozenAt) throw campaignFrozen(id);
    return current;
  }

  private audit(tx: Transaction, caller: AuthenticatedUser, action: string, id: string, payload: Record<string, unknown>): Promise<void> {
    return recordAdminAudit(tx, { actor: { userId: caller.id, role: caller.role }, action, subject: subject(id), payload });
  }
}
