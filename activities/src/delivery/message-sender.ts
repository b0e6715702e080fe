import type { DeliveryOutcome } from './delivery-outcome';
import type { OutboxMessage } from './outbox-message';

/** Sends one claimed row on its channel. Reports failures as outcomes; a throw counts as a transient failure. */
export interface MessageSender {
  send(message: OutboxMessage): Promise<DeliveryOutcome>;
  close?(): Promise<void> | void;
}
