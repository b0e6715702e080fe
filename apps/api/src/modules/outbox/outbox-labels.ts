import type { NotificationChannelName } from '@zs/contracts';
import type { OutboxStatus, WebhookFormat } from '@zs/persistence';

/** As the operations staff read them in the admin screens. */
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  delivered: '已送达',
  dead_letter: '投递失败（死信）',
  skipped: '已跳过（无可用通道）',
};

export const CHANNEL_LABELS: Record<NotificationChannelName, string> = {
  in_app: '站内消息',
  email: '电子邮件',
  webhook: '部门群机器人',
};

export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = {
  generic: '通用 JSON',
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
};
