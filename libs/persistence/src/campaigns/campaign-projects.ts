// The projects credited to a campaign (Ownership.campaignId in the workflow's state, kept in the
// read model's indexed `campaign_id` column): what its leaderboard and its project list are computed from.
import type { ProjectState } from '@zs/domain';
import type { Queryable } from '../database';

/** Every credited project's state, oldest registration first. */
export async function campaignProjectStates(db: Queryable, campaignId: string): Promise<ProjectState[]> {
  const rows: Array<{ state: ProjectState }> = await db.query(
    `SELECT state FROM projects WHERE campaign_id = $1 ORDER BY registered_at, id`,
    [campaignId],
  );
  return rows.map((r) => r.state);
}

/** One page of the credited projects' states, latest registration first, and how many there are. */
export async function pageCampaignProjectStates(db: Queryable, campaignId: string, page: number, pageSize: number): Promise<{ states: ProjectState[]; total: number }> {
  const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total FROM projects WHERE campaign_id = $1`, [campaignId]);
  const rows: Array<{ state: ProjectState }> = await db.query(
    `SELECT state FROM projects WHERE campaign_id = $1 ORDER BY registered_at DESC, id LIMIT $2 OFFSET $3`,
    [campaignId, pageSize, (page - 1) * pageSize],
  );
  return { states: rows.map((r) => r.state), total };
}
