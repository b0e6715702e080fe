import { Inject, Injectable } from '@nestjs/common';
import { computeCampaignLeaderboard, ERROR_CODES, fundsIn, hasCampaignEnded, isWithinPeriod, kpiDefinition, LEADERBOARD_BY_LABELS, LEADERBOARD_KPI_CODES, LEADERBOARD_RANKING_RULE, shanghaiDate, STAGE_LABELS, toProjectFacts, type LeaderboardBy, localized } from '@zs/domain';
import {
  campaignProjectStates,
  findCampaignSnapshot,
  inTransaction,
  insertCampaignSnapshot,
  lockCampaign,
  pageCampaignProjectStates,
  recordAdminAudit,
  type CampaignRecord,
  type Database,
  type Queryable,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import type { Page } from '../../common/http/page';
import type { PaginationQuery } from '../../common/validation/pagination.query';
import { DATABASE } from '../../infrastructure/database.provider';
import { campaignFrozen, campaignNotFound } from './campaign-errors';
import { CampaignsService } from './campaigns.service';
import type { CampaignLeaderboardDto, CampaignSnapshotDto, LeaderboardMetricDto } from './dto/campaign-leaderboard.dto';
import type { CampaignProjectDto } from './dto/campaign-project.dto';

/** What a snapshot row keeps: both boards exactly as they stood. */
interface FrozenBoards {
  team: CampaignLeaderboardDto;
  officer: CampaignLeaderboardDto;
}

/** Each figure of the board with the KPI definition it is computed by, so the board states its own formulas. */
const METRICS: LeaderboardMetricDto[] = Object.entries(LEADERBOARD_KPI_CODES).map(([field, code]) => {
  const def = kpiDefinition(code)!;
  return { field, code, label: def.label, formula: def.formula, unit: def.unit };
});

/**
 * 攻势排行榜与封榜. Live, the board is computed from the credited projects' current record; once
 * frozen (only after the period's last day, once), it is read from campaign_snapshots, so later
 * changes to the record no longer move it.
 */
@Injectable()
export class CampaignLeaderboardService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly campaigns: CampaignsService,
  ) {}

  async leaderboard(id: string, by: LeaderboardBy): Promise<CampaignLeaderboardDto> {
    const campaign = await this.campaigns.require(id);
    const snapshot = await findCampaignSnapshot<FrozenBoards>(this.db, campaign.id);
    if (snapshot) return { ...snapshot.leaderboard[by], frozen: true, frozenAt: snapshot.frozenAt.toISOString() };
    return this.compute(this.db, campaign, by, Date.now());
  }

  snapshot(id: string, caller: AuthenticatedUser): Promise<CampaignSnapshotDto> {
    return inTransaction(this.db, async (tx) => {
      const campaign = await lockCampaign(tx, id);
      if (!campaign) throw campaignNotFound(id);
      if (campaign.frozenAt) throw campaignFrozen(id);
      const now = Date.now();
      if (!hasCampaignEnded(campaign, now)) {
        throw new ApiException(
          ERROR_CODES.CAMPAIGN_NOT_ENDED,
          localized(`招商攻势 ${id} 尚未结束（截止 ${campaign.endsOn}），结束次日起方可封榜`, `campaign ${id} has not ended (it ends on ${campaign.endsOn}); freeze it from the day after`),
        );
      }
      const boards: FrozenBoards = {
        team: await this.compute(tx, campaign, 'team', now),
        officer: await this.compute(tx, campaign, 'officer', now),
      };
      const stored = await insertCampaignSnapshot(tx, { campaignId: campaign.id, frozenBy: caller.id, leaderboard: boards });
      const frozenAt = stored.frozenAt.toISOString();
      await recordAdminAudit(tx, {
        actor: { userId: caller.id, role: caller.role },
        action: 'campaign.snapshot_frozen',
        subject: `campaign:${campaign.id}`,
        payload: { frozenAt, team: boards.team.entries, officer: boards.officer.entries },
      });
      return {
        campaignId: campaign.id,
        frozenAt,
        frozenBy: caller.id,
        team: { ...boards.team, frozen: true, frozenAt },
        officer: { ...boards.officer, frozen: true, frozenAt },
      };
    });
  }

  async projects(id: string, query: PaginationQuery): Promise<Page<CampaignProjectDto>> {
    const campaign = await this.campaigns.require(id);
    const { states, total } = await pageCampaignProjectStates(this.db, campaign.id, query.page, query.pageSize);
    const asOf = shanghaiDate(Date.now());
    const items = states.map((state): CampaignProjectDto => {
      const f = toProjectFacts(state);
      return {
        id: f.projectId,
        companyName: f.companyName,
        stage: f.stage,
        stageLabel: STAGE_LABELS[f.stage],
        owner: f.owner
          ? { userId: f.owner.userId, displayName: f.owner.displayName ?? null, teamId: f.owner.teamId, departmentId: f.owner.departmentId }
          : null,
        registeredOn: f.registeredOn,
        signedOn: f.signedOn,
        contractInvestmentYi: f.contractInvestmentYi,
        signedWithinPeriod: isWithinPeriod(campaign, f.signedOn),
        fundsInPlaceWithinPeriodYi: fundsIn([f], { from: campaign.startsOn, to: campaign.endsOn, asOf }),
      };
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  private async compute(db: Queryable, campaign: CampaignRecord, by: LeaderboardBy, now: number): Promise<CampaignLeaderboardDto> {
    const facts = (await campaignProjectStates(db, campaign.id)).map(toProjectFacts);
    const members = by === 'team' ? campaign.teams.map((t) => ({ id: t.id, name: t.name })) : campaign.officers.map((o) => ({ id: o.id, name: o.displayName }));
    const board = computeCampaignLeaderboard({ by, period: campaign, today: shanghaiDate(now), members, facts });
    return {
      campaignId: campaign.id,
      by,
      byLabel: LEADERBOARD_BY_LABELS[by],
      from: board.from,
      to: board.to,
      asOf: board.asOf,
      frozen: false,
      frozenAt: null,
      rankingRule: LEADERBOARD_RANKING_RULE,
      metrics: METRICS,
      entries: board.entries,
      unrosteredProjects: board.unrosteredProjects,
    };
  }
}
