import { api, unwrap } from '../../../api/client';

export interface LabelledCode {
  code: string;
  label: string;
}

/** The labels the API keeps outside the domain (outbox statuses, channels, webhook formats), from GET /reference-data. */
export interface OutboxReferenceLabels {
  outboxStatuses: LabelledCode[];
  notificationChannels: LabelledCode[];
  webhookFormats: LabelledCode[];
}

export async function loadOutboxLabels(): Promise<OutboxReferenceLabels> {
  // The route's answer is not typed in the OpenAPI document (a plain object of label lists).
  return (await unwrap(api.GET('/reference-data'))) as unknown as OutboxReferenceLabels;
}

export const asOptions = (codes: LabelledCode[] | undefined) => (codes ?? []).map((c) => ({ value: c.code, label: c.label }));
