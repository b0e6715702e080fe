import type { NotificationRequest } from '@zs/contracts';
import type { NotificationChannel } from './notification-channel';

/** Sends one alert on every configured channel; a failing channel fails the activity so Temporal retries it. */
export class Notifier {
  constructor(private readonly channels: NotificationChannel[]) {}

  async send(request: NotificationRequest): Promise<void> {
    for (const channel of this.channels) {
      await channel.deliver(request);
    }
  }
}
