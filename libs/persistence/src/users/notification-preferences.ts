// A user's own alert settings (users.preferred_channels and users.email); only active users have any.
import type { Database, Transaction } from '../database';
import { UserEntity } from '../entities/user.entity';

export interface NotificationPreferences {
  /** Channels beyond the inbox, in the order stored. */
  channels: string[];
  email: string | null;
}

export async function notificationPreferencesOf(db: Database, userId: string): Promise<NotificationPreferences | null> {
  return toPreferences(await db.getRepository(UserEntity).findOneBy({ id: userId, active: true }));
}

/** Reads them and locks the user's row until `tx` ends, so two changes to the same account apply one after the other. */
export async function lockNotificationPreferences(tx: Transaction, userId: string): Promise<NotificationPreferences | null> {
  return toPreferences(await tx.getRepository(UserEntity).findOne({ where: { id: userId, active: true }, lock: { mode: 'pessimistic_write' } }));
}

export async function saveNotificationPreferences(tx: Transaction, userId: string, preferences: NotificationPreferences): Promise<void> {
  await tx.getRepository(UserEntity).update({ id: userId }, { preferredChannels: preferences.channels, email: preferences.email });
}

function toPreferences(user: UserEntity | null): NotificationPreferences | null {
  return user ? { channels: user.preferredChannels, email: user.email } : null;
}
