import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryOutcome } from './delivery-outcome';
import type { MessageSender } from './message-sender';
import type { OutboxMessage } from './outbox-message';
import { messageIdFor } from './receiver-ids';

export interface SmtpSettings {
  /** smtp:// or smtps:// with credentials; takes precedence over host/port/secure/user/pass. */
  url?: string;
  host?: string;
  port?: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  pass?: string;
  from: string;
  /** Connect, greeting and idle-socket limits: a hung server must fail the attempt well within the dispatcher's lease. */
  timeoutMs?: number;
  maxConnections?: number;
}

/** E-mail over SMTP. Message-ID and X-ZS-Dedupe-Key come from the outbox key, so every attempt of a row is the same message. */
export class SmtpSender implements MessageSender {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    const timeout = settings.timeoutMs ?? 30_000;
    this.transport = nodemailer.createTransport({
      ...(settings.url ? { url: settings.url } : { host: settings.host, port: settings.port, secure: settings.secure ?? false }),
      ...(settings.user ? { auth: { user: settings.user, pass: settings.pass ?? '' } } : {}),
      pool: true,
      maxConnections: settings.maxConnections ?? 3,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: OutboxMessage): Promise<DeliveryOutcome> {
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: message.address,
        subject: message.subject,
        text: message.body,
        messageId: messageIdFor(message.dedupeKey),
        date: message.createdAt,
        headers: { 'X-ZS-Dedupe-Key': message.dedupeKey },
      });
      return { kind: 'delivered' };
    } catch (err) {
      return smtpFailure(err);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * SMTP's own classes: 5xx is permanent (no such mailbox, message refused), 4xx and a lost
 * connection are transient. A refused login (535) is a configuration to fix, not this
 * message's fault: retried until the limit, like a server that is down.
 */
export function smtpFailure(err: unknown): DeliveryOutcome {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const error = `SMTP ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message ?? String(err)}`;
  const statusCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const permanent = (statusCode !== undefined && statusCode >= 500 && e.code !== 'EAUTH') || (e.code === 'EENVELOPE' && statusCode === undefined);
  return permanent ? { kind: 'dead_letter', error, statusCode } : { kind: 'retry', error, statusCode };
}
