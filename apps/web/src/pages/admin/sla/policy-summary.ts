import { ALERT_RECIPIENT_LABELS, type AlertRecipient } from '@zs/domain';

interface Target {
  notify: string;
  department?: string | null;
}

/** "项目服务局（招商一科）": who an alert goes to, by label, with the department when narrowed. */
export function recipientLabel(target: Target): string {
  const who = ALERT_RECIPIENT_LABELS[target.notify as AlertRecipient] ?? target.notify;
  return target.department ? `${who}（${target.department}）` : who;
}

/** "50% → 招商专员；75% → 招商专员" */
export function warningsSummary(warnings: readonly (Target & { fraction: number })[]): string {
  return warnings.map((w) => `${Math.round(w.fraction * 1000) / 10}% → ${recipientLabel(w)}`).join('；');
}

/** "+0h → 经济合作局局长；+24h → 管委会领导" (hours after the deadline) */
export function escalationsSummary(escalations: readonly (Target & { afterBreachHours: number })[]): string {
  return escalations.map((e) => `+${e.afterBreachHours}h → ${recipientLabel(e)}`).join('；');
}
