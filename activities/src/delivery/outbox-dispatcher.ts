import { claimDueOutboxMessages, recordOutboxAttempt, type Database, type OutboxAttemptResult, type OutboxChannel } from '@zs/persistence';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { DeliveryOutcome } from './delivery-outcome';
import type { MessageSender } from './message-sender';
import type { OutboxMessage } from './outbox-message';
import type { OutboxPayload } from '../notifier/outbox-plan';

export type DispatcherLog = (level: 'debug' | 'info' | 'warn' | 'error', message: string, meta?: Record<string, unknown>) => void;

export interface OutboxDispatcherOptions {
  dataSource: Database;
  /** A channel without a sender (e-mail when SMTP is not configured) has its rows marked 'skipped'. */
  senders: Partial<Record<OutboxChannel, MessageSender>>;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Attempts before a transiently failing row becomes a dead letter. */
  maxAttempts?: number;
  backoff?: Partial<BackoffPolicy>;
  /** How long a claimed row stays claimed; longer than any sender's timeout. */
  leaseMs?: number;
  log?: DispatcherLog;
  random?: () => number;
}

export interface DispatchSummary {
  claimed: number;
  delivered: number;
  retried: number;
  deadLettered: number;
  skipped: number;
}

const NO_SENDER: Record<OutboxChannel, string> = {
  email: 'no_channel: SMTP is not configured (SMTP_URL or SMTP_HOST, and MAIL_FROM)',
  webhook: 'no_channel: no webhook sender',
};

/**
 * The delivery process: claims due outbox rows, sends them, records the result; failed rows
 * come back after an exponential back-off until `maxAttempts`, then wait as dead letters for an
 * admin. Delivery is at least once (a crash between sending and recording sends again), which
 * is why receivers get the row's key to drop duplicates.
 */
export class OutboxDispatcher {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly leaseMs: number;
  private readonly log: DispatcherLog;
  private readonly random: () => number;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly options: OutboxDispatcherOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 20;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.backoff = { baseMs: 5_000, maxMs: 3_600_000, jitter: true, ...options.backoff };
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.log = options.log ?? (() => undefined);
    this.random = options.random ?? Math.random;
  }

  /** One claim-send-record round over at most one batch; what the loop runs, and what tests call. */
  async runOnce(): Promise<DispatchSummary> {
    const messages = await claimDueOutboxMessages<OutboxPayload>(this.options.dataSource, this.batchSize, this.leaseMs);
    const summary: DispatchSummary = { claimed: messages.length, delivered: 0, retried: 0, deadLettered: 0, skipped: 0 };
    const records = await Promise.all(messages.map((m) => this.deliver(m)));
    for (const r of records) {
      if (r.status === 'delivered') summary.delivered++;
      else if (r.status === 'pending') summary.retried++;
      else if (r.status === 'dead_letter') summary.deadLettered++;
      else summary.skipped++;
    }
    return summary;
  }

  /** Runs rounds until stop(): immediately again after a full batch, otherwise after the poll interval. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Lets the round in flight finish (its sends and their results), then resolves; closes the senders. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
    for (const sender of Object.values(this.options.senders)) await sender?.close?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let full = false;
      try {
        const summary = await this.runOnce();
        full = summary.claimed === this.batchSize;
        if (summary.claimed > 0) this.log('debug', 'outbox round', { ...summary });
      } catch (err) {
        // The database unreachable, say: try again next round rather than end the loop.
        this.log('error', 'outbox round failed', { error: err instanceof Error ? err.message : String(err) });
      }
      if (!full && !this.stopping) await this.sleep(this.pollIntervalMs);
    }
  }

  /** A pause that stop() cuts short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        if (this.wakeUp === wake) this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeUp = wake;
    });
  }

  private async deliver(message: OutboxMessage): Promise<OutboxAttemptResult> {
    const outcome = await this.attempt(message);
    const record = this.toRecord(message, outcome);
    await recordOutboxAttempt(this.options.dataSource, message, record, message.webhook?.url ?? message.address);
    if (record.status === 'dead_letter') {
      this.log('warn', 'outbox row dead-lettered', { id: message.id, dedupeKey: message.dedupeKey, attempts: message.attempts, error: record.error });
    }
    return record;
  }

  private async attempt(message: OutboxMessage): Promise<DeliveryOutcome> {
    const sender = this.options.senders[message.channel];
    if (!sender) return { kind: 'skipped', error: NO_SENDER[message.channel] };
    try {
      return await sender.send(message);
    } catch (err) {
      return { kind: 'retry', error: `sender failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  private toRecord(message: OutboxMessage, outcome: DeliveryOutcome): OutboxAttemptResult {
    const statusCode = 'statusCode' in outcome && outcome.statusCode !== undefined ? outcome.statusCode : null;
    switch (outcome.kind) {
      case 'delivered':
        return { status: 'delivered', statusCode };
      case 'skipped':
        return { status: 'skipped', error: outcome.error, statusCode };
      case 'dead_letter':
        return { status: 'dead_letter', error: outcome.error, statusCode };
      case 'retry': {
        if (message.attempts >= this.maxAttempts) {
          return { status: 'dead_letter', error: `gave up after ${message.attempts} attempts: ${outcome.error}`, statusCode };
        }
        const backoff = backoffDelayMs(message.attempts, this.backoff, this.random);
        // A receiver's Retry-After is honoured, within the cap.
        const retryInMs = Math.min(this.backoff.maxMs, Math.max(backoff, outcome.retryAfterMs ?? 0));
        return { status: 'pending', retryInMs, error: outcome.error, statusCode };
      }
    }
  }
}
