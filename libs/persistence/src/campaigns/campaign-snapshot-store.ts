// The frozen leaderboard of a campaign (封榜): written once at the end of the period, never changed
// (campaign_snapshots is append-only: the immutable_rows trigger and zs_app's INSERT-only grant).
import type { Queryable, Transaction } from '../database';

export interface CampaignSnapshotRecord<T = unknown> {
  campaignId: string;
  frozenAt: Date;
  frozenBy: string;
  /** The leaderboards exactly as they stood when frozen. */
  leaderboard: T;
}

export async function findCampaignSnapshot<T = unknown>(db: Queryable, campaignId: string): Promise<CampaignSnapshotRecord<T> | null> {
  const rows: Array<{ campaign_id: string; frozen_at: Date; frozen_by: string; leaderboard: T }> = await db.query(
    `SELECT campaign_id::text AS campaign_id, frozen_at, frozen_by::text AS frozen_by, leaderboard FROM campaign_snapshots WHERE campaign_id::text = $1`,
    [campaignId],
  );
  const r = rows[0];
  return r ? { campaignId: r.campaign_id, frozenAt: r.frozen_at, frozenBy: r.frozen_by, leaderboard: r.leaderboard } : null;
}

/** Freezes the leaderboard; the caller holds the campaign's lock and has checked there is no snapshot yet. */
export async function insertCampaignSnapshot<T>(tx: Transaction, snapshot: { campaignId: string; frozenBy: string; leaderboard: T }): Promise<CampaignSnapshotRecord<T>> {
  const [r]: Array<{ frozen_at: Date }> = await tx.query(
    `INSERT INTO campaign_snapshots (campaign_id, frozen_by, leaderboard) VALUES ($1::uuid, $2::uuid, $3::jsonb) RETURNING frozen_at`,
    [snapshot.campaignId, snapshot.frozenBy, JSON.stringify(snapshot.leaderboard)],
  );
  return { ...snapshot, frozenAt: r.frozen_at };
}
