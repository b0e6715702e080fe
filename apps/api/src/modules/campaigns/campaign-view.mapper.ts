import { hasCampaignEnded, isCampaignActiveOn, shanghaiDate, type CampaignTargets } from '@zs/domain';
import type { CampaignRecord } from '@zs/persistence';
import { CAMPAIGN_STATUS_LABELS, type CampaignDto, type CampaignStatus } from './dto/campaign-view.dto';

function statusOf(c: CampaignRecord, now: number): CampaignStatus {
  if (c.frozenAt) return 'frozen';
  if (hasCampaignEnded(c, now)) return 'ended';
  return isCampaignActiveOn(c, shanghaiDate(now)) ? 'active' : 'upcoming';
}

/** Every target key present (null when open), whatever an older row stored. */
export function fullTargets(t: Partial<CampaignTargets> | null | undefined): CampaignTargets {
  return {
    contractInvestmentYi: t?.contractInvestmentYi ?? null,
    fundsInPlaceYi: t?.fundsInPlaceYi ?? null,
    signedProjects: t?.signedProjects ?? null,
    leads: t?.leads ?? null,
  };
}

export function toCampaignView(c: CampaignRecord, now = Date.now()): CampaignDto {
  const status = statusOf(c, now);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    targets: fullTargets(c.targets),
    teams: c.teams.map((t) => ({ id: t.id, name: t.name })),
    officers: c.officers.map((o) => ({ id: o.id, displayName: o.displayName })),
    status,
    statusLabel: CAMPAIGN_STATUS_LABELS[status],
    frozenAt: c.frozenAt ? c.frozenAt.toISOString() : null,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
