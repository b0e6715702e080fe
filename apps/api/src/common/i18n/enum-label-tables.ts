import { DOMAIN_ENUM_LABELS } from '@zs/domain';
import { NOTIFICATION_KIND_LABELS } from '@zs/contracts';
import { BOOLEAN_TEXT_LABELS, INVESTMENT_BAND_LABELS } from '../../modules/projects/dto/list-projects.query';
import { CHANNEL_LABELS, OUTBOX_STATUS_LABELS, WEBHOOK_FORMAT_LABELS } from '../../modules/outbox/outbox-labels';

/**
 * Every code → Chinese label table an error may list allowed values from: the domain's and
 * the few defined by the API's own modules. Each table stays where its codes are defined.
 */
export const ENUM_LABEL_TABLES: readonly Readonly<Record<string, string>>[] = [
  ...DOMAIN_ENUM_LABELS,
  INVESTMENT_BAND_LABELS,
  BOOLEAN_TEXT_LABELS,
  NOTIFICATION_KIND_LABELS,
  CHANNEL_LABELS,
  OUTBOX_STATUS_LABELS,
  WEBHOOK_FORMAT_LABELS,
];
