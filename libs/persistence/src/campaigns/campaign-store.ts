// Writes and reads of the campaigns tables (招商攻势): the campaign itself and its roster.
import type { CampaignTargets } from '@zs/domain';
import type { Queryable, Transaction } from '../database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a campaign with this id exists; callers validating a `campaignId` answer 400/404 on false. */
export async function campaignExists(db: Queryable, id: string): Promise<boolean> {
  // A malformed id cannot name a campaign: answer false rather than let PostgreSQL reject the uuid cast.
  if (!UUID.test(id)) return false;
  const rows: unknown[] = await db.query(`SELECT 1 FROM campaigns WHERE id = $1`, [id]);
  return rows.length > 0;
}

export interface CampaignRosterTeam {
  id: string;
  name: string;
}

export interface CampaignRosterOfficer {
  id: string;
  displayName: string;
}

export interface CampaignRecord {
  id: string;
  name: string;
  description: string | null;
  startsOn: string;
  endsOn: string;
  targets: CampaignTargets;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  teams: CampaignRosterTeam[];
  officers: CampaignRosterOfficer[];
  /** When the leaderboard was frozen (campaign_snapshots); null while it is live. */
  frozenAt: Date | null;
}

export interface NewCampaign {
  name: string;
  description: string | null;
  startsOn: string;
  endsOn: string;
  targets: CampaignTargets;
  createdBy: string;
}

export type CampaignChanges = Partial<Pick<NewCampaign, 'name' | 'description' | 'startsOn' | 'endsOn' | 'targets'>>;

interface CampaignRow {
  id: string;
  name: string;
  description: string | null;
  starts_on: string;
  ends_on: string;
  targets: CampaignTargets;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  frozen_at: Date | null;
}

// Dates as text: node-pg would turn a `date` into a local-midnight Date and shift the day.
const CAMPAIGN_COLUMNS = `c.id::text AS id, c.name, c.description, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on,
  c.targets, c.created_by::text AS created_by, c.created_at, c.updated_at,
  (SELECT s.frozen_at FROM campaign_snapshots s WHERE s.campaign_id = c.id) AS frozen_at`;

async function rosterOf(db: Queryable, ids: string[]): Promise<Map<string, { teams: CampaignRosterTeam[]; officers: CampaignRosterOfficer[] }>> {
  const roster = new Map(ids.map((id) => [id, { teams: [] as CampaignRosterTeam[], officers: [] as CampaignRosterOfficer[] }]));
  if (ids.length === 0) return roster;
  const teams: Array<{ campaign_id: string; id: string; name: string }> = await db.query(
    `SELECT ct.campaign_id::text AS campaign_id, t.id::text AS id, t.name FROM campaign_teams ct JOIN teams t ON t.id = ct.team_id
      WHERE ct.campaign_id = ANY($1::uuid[]) ORDER BY t.name, t.id`,
    [ids],
  );
  const officers: Array<{ campaign_id: string; id: string; display_name: string }> = await db.query(
    `SELECT co.campaign_id::text AS campaign_id, u.id::text AS id, u.display_name FROM campaign_officers co JOIN users u ON u.id = co.user_id
      WHERE co.campaign_id = ANY($1::uuid[]) ORDER BY u.display_name, u.id`,
    [ids],
  );
  for (const t of teams) roster.get(t.campaign_id)?.teams.push({ id: t.id, name: t.name });
  for (const o of officers) roster.get(o.campaign_id)?.officers.push({ id: o.id, displayName: o.display_name });
  return roster;
}

async function withRosters(db: Queryable, rows: CampaignRow[]): Promise<CampaignRecord[]> {
  const roster = await rosterOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    targets: r.targets,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    frozenAt: r.frozen_at,
    ...roster.get(r.id)!,
  }));
}

/** The campaign with its roster and frozen time; null when there is none (or the id is malformed). */
export async function findCampaign(db: Queryable, id: string): Promise<CampaignRecord | null> {
  if (!UUID.test(id)) return null;
  const rows: CampaignRow[] = await db.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.id = $1`, [id]);
  return rows[0] ? (await withRosters(db, rows))[0] : null;
}

/**
 * Locks the campaign row for the rest of the transaction (changes, roster, snapshot are
 * serialised per campaign) and returns it as it stands; null when there is none.
 */
export async function lockCampaign(tx: Transaction, id: string): Promise<CampaignRecord | null> {
  if (!UUID.test(id)) return null;
  const locked: unknown[] = await tx.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE`, [id]);
  return locked.length > 0 ? findCampaign(tx, id) : null;
}

export interface CampaignListFilter {
  /** Only campaigns whose period includes this date (YYYY-MM-DD). */
  activeOn?: string;
  page: number;
  pageSize: number;
}

/** Latest period first, then by name; the id keeps pages stable. */
export async function listCampaigns(db: Queryable, filter: CampaignListFilter): Promise<{ rows: CampaignRecord[]; total: number }> {
  const where = filter.activeOn ? `WHERE c.starts_on <= $1::date AND c.ends_on >= $1::date` : '';
  const params: unknown[] = filter.activeOn ? [filter.activeOn] : [];
  const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total FROM campaigns c ${where}`, params);
  const rows: CampaignRow[] = await db.query(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c ${where}
      ORDER BY c.starts_on DESC, c.name, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  return { rows: await withRosters(db, rows), total };
}

export async function insertCampaign(tx: Transaction, campaign: NewCampaign): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await tx.query(
    `INSERT INTO campaigns (name, description, starts_on, ends_on, targets, created_by)
     VALUES ($1, $2, $3::date, $4::date, $5::jsonb, $6::uuid) RETURNING id::text AS id`,
    [campaign.name, campaign.description, campaign.startsOn, campaign.endsOn, JSON.stringify(campaign.targets), campaign.createdBy],
  );
  return id;
}

/** Applies the given changes (absent keys stay as they are) and stamps updated_at. */
export async function updateCampaign(tx: Transaction, id: string, changes: CampaignChanges): Promise<void> {
  await tx.query(
    `UPDATE campaigns SET
        name = CASE WHEN $2 THEN $3 ELSE name END,
        description = CASE WHEN $4 THEN $5 ELSE description END,
        starts_on = CASE WHEN $6 THEN $7::date ELSE starts_on END,
        ends_on = CASE WHEN $8 THEN $9::date ELSE ends_on END,
        targets = CASE WHEN $10 THEN $11::jsonb ELSE targets END,
        updated_at = now()
      WHERE id = $1`,
    [
      id,
      changes.name !== undefined,
      changes.name ?? null,
      changes.description !== undefined,
      changes.description ?? null,
      changes.startsOn !== undefined,
      changes.startsOn ?? null,
      changes.endsOn !== undefined,
      changes.endsOn ?? null,
      changes.targets !== undefined,
      changes.targets === undefined ? null : JSON.stringify(changes.targets),
    ],
  );
}

/** Replaces the whole roster (teams and officers) of the campaign. */
export async function replaceCampaignRoster(tx: Transaction, id: string, roster: { teamIds: readonly string[]; officerUserIds: readonly string[] }): Promise<void> {
  await tx.query(`DELETE FROM campaign_teams WHERE campaign_id = $1`, [id]);
  await tx.query(`DELETE FROM campaign_officers WHERE campaign_id = $1`, [id]);
  if (roster.teamIds.length > 0) {
    await tx.query(`INSERT INTO campaign_teams (campaign_id, team_id) SELECT $1, unnest($2::uuid[])`, [id, [...roster.teamIds]]);
  }
  if (roster.officerUserIds.length > 0) {
    await tx.query(`INSERT INTO campaign_officers (campaign_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, [...roster.officerUserIds]]);
  }
  await tx.query(`UPDATE campaigns SET updated_at = now() WHERE id = $1`, [id]);
}

/** The ids among `ids` that name no active team (小分队); malformed ids are unknown too. */
export async function unknownActiveTeamIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string }> = await db.query(`SELECT id::text AS id FROM teams WHERE id::text = ANY($1::text[]) AND active`, [[...ids]]);
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** The ids among `ids` that name no active user; malformed ids are unknown too. */
export async function unknownActiveUserIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string }> = await db.query(`SELECT id::text AS id FROM users WHERE id::text = ANY($1::text[]) AND active`, [[...ids]]);
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}
