// Teams (小分队, issue 10): within a department or a campaign, with a leader who is one of the members.
import type { Queryable, Transaction } from '../database';
import { updatedRows } from './updated-rows';

export interface TeamRecord {
  id: string;
  name: string;
  departmentId: string | null;
  campaignId: string | null;
  leaderUserId: string | null;
  active: boolean;
  /** Member user ids, in the order they joined. */
  memberUserIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

interface TeamRow {
  id: string;
  name: string;
  department_id: string | null;
  campaign_id: string | null;
  leader_user_id: string | null;
  active: boolean;
  member_user_ids: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT t.id::text AS id, t.name, t.department_id::text AS department_id, t.campaign_id::text AS campaign_id,
         t.leader_user_id::text AS leader_user_id, t.active, t.created_at, t.updated_at,
         ARRAY(SELECT m.user_id::text FROM team_members m WHERE m.team_id = t.id ORDER BY m.added_at, m.user_id) AS member_user_ids
    FROM teams t`;

const toTeam = (r: TeamRow): TeamRecord => ({
  id: r.id,
  name: r.name,
  departmentId: r.department_id,
  campaignId: r.campaign_id,
  leaderUserId: r.leader_user_id,
  active: r.active,
  memberUserIds: r.member_user_ids ?? [],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface TeamFilter {
  departmentId?: string;
  campaignId?: string;
  active?: boolean;
}

export async function listTeams(db: Queryable, f: TeamFilter = {}): Promise<TeamRecord[]> {
  const rows: TeamRow[] = await db.query(
    `${SELECT} WHERE ($1::text IS NULL OR t.department_id::text = $1) AND ($2::text IS NULL OR t.campaign_id::text = $2) AND ($3::boolean IS NULL OR t.active = $3)
      ORDER BY t.name, t.id`,
    [f.departmentId ?? null, f.campaignId ?? null, f.active ?? null],
  );
  return rows.map(toTeam);
}

export async function findTeam(db: Queryable, id: string): Promise<TeamRecord | null> {
  const [row]: TeamRow[] = await db.query(`${SELECT} WHERE t.id::text = $1`, [id]);
  return row ? toTeam(row) : null;
}

/** Reads the team under a row lock (the state an audited change starts from). */
export async function lockTeam(tx: Transaction, id: string): Promise<TeamRecord | null> {
  const locked: unknown[] = await tx.query(`SELECT 1 FROM teams WHERE id::text = $1 FOR UPDATE`, [id]);
  return locked.length ? findTeam(tx, id) : null;
}

export interface TeamFields {
  name: string;
  departmentId: string | null;
  campaignId: string | null;
  leaderUserId: string | null;
  memberUserIds: readonly string[];
}

export async function insertTeam(tx: Transaction, t: TeamFields): Promise<TeamRecord> {
  const [{ id }]: { id: string }[] = await tx.query(
    `INSERT INTO teams (name, department_id, campaign_id, leader_user_id) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
    [t.name, t.departmentId, t.campaignId, t.leaderUserId],
  );
  await setTeamMembers(tx, id, t.memberUserIds);
  return (await findTeam(tx, id))!;
}

export async function updateTeam(tx: Transaction, id: string, t: TeamFields & { active: boolean }): Promise<TeamRecord> {
  updatedRows(
    await tx.query(
      `UPDATE teams SET name = $2, department_id = $3, campaign_id = $4, leader_user_id = $5, active = $6, updated_at = now() WHERE id::text = $1 RETURNING id`,
      [id, t.name, t.departmentId, t.campaignId, t.leaderUserId, t.active],
    ),
  );
  await setTeamMembers(tx, id, t.memberUserIds);
  return (await findTeam(tx, id))!;
}

/** Makes the membership exactly `userIds`: those who stay keep the date they joined. */
async function setTeamMembers(tx: Transaction, teamId: string, userIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM team_members WHERE team_id::text = $1 AND NOT (user_id::text = ANY($2::text[]))`, [teamId, [...userIds]]);
  // clock_timestamp(), not now(): newcomers are ordered as listed.
  for (const userId of userIds) {
    await tx.query(`INSERT INTO team_members (team_id, user_id, added_at) VALUES ($1::uuid, $2::uuid, clock_timestamp()) ON CONFLICT DO NOTHING`, [teamId, userId]);
  }
}

/** The teams a user belongs to (active or not), oldest membership first. */
export async function teamIdsOfUser(db: Queryable, userId: string): Promise<string[]> {
  const rows: { team_id: string }[] = await db.query(`SELECT team_id::text AS team_id FROM team_members WHERE user_id::text = $1 ORDER BY added_at, team_id`, [userId]);
  return rows.map((r) => r.team_id);
}

/** Adds the user to each of `teamIds` (kept if already a member). */
export async function addUserToTeams(tx: Transaction, userId: string, teamIds: readonly string[]): Promise<void> {
  for (const teamId of teamIds) {
    await tx.query(`INSERT INTO team_members (team_id, user_id, added_at) VALUES ($1::uuid, $2::uuid, clock_timestamp()) ON CONFLICT DO NOTHING`, [teamId, userId]);
  }
}

/** Which of `ids` are teams that exist (active or not). */
export async function existingTeamIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await db.query(`SELECT id::text AS id FROM teams WHERE id::text = ANY($1::text[])`, [[...ids]]);
  return new Set(rows.map((r) => r.id));
}
